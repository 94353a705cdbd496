package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All SQL of the address tree. Every read that a caller's request reaches takes the caller's {@link Scope}
 * ({@code path <@ scope}); the unscoped reads serve rules (uniqueness, parents) and are never shown as such.
 */
@Repository
class AddressNodeRepository {

    static final String COLUMNS = """
            code, parent_code, path::text AS path, level, name, category, latitude, longitude,
            retired_at, updated_at, version""";
    static final RowMapper<AddressNode> NODE = AddressNodeRepository::node;
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AddressNodeRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Unscoped: for rules only (parent lookup, uniqueness). */
    Optional<AddressNode> find(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM address.node WHERE code = ?")
                .param(code).query(NODE).optional();
    }

    Optional<AddressNode> findForUpdate(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM address.node WHERE code = ? FOR UPDATE")
                .param(code).query(NODE).optional();
    }

    Optional<AddressNode> find(String code, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM address.node WHERE code = ? AND path <@ ?::ltree[]")
                .param(code).param(scope.sqlArray()).query(NODE).optional();
    }

    boolean exists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM address.node WHERE code = ?)").param(code)
                .query(Boolean.class).single();
    }

    /** Children of a node within scope with the number of their own live children, live ones first. */
    List<AddressChild> children(String parentCode, Scope scope, boolean includeRetired) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        , (SELECT count(*) FROM address.node g WHERE g.parent_code = n.code AND g.retired_at IS NULL)
                          AS child_count
                        FROM address.node n
                        WHERE n.parent_code = ? AND n.path <@ ?::ltree[]
                          AND (? OR n.retired_at IS NULL)
                        ORDER BY n.retired_at IS NOT NULL, n.level = 'PLACE', n.sort_key, n.code""")
                .param(parentCode).param(scope.sqlArray()).param(includeRetired)
                .query((rs, i) -> new AddressChild(node(rs, i), rs.getLong("child_count"))).list();
    }

    /** The scope's own nodes. */
    List<AddressChild> roots(Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + """
                        , (SELECT count(*) FROM address.node g WHERE g.parent_code = n.code AND g.retired_at IS NULL)
                          AS child_count
                        FROM address.node n
                        WHERE n.path = ANY (?::ltree[])
                        ORDER BY n.path""")
                .param(scope.sqlArray())
                .query((rs, i) -> new AddressChild(node(rs, i), rs.getLong("child_count"))).list();
    }

    /** Ancestors of {@code path} (top down) that lie within scope. */
    List<AddressNode> ancestors(String path, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM address.node
                        WHERE path @> ?::ltree AND path <> ?::ltree AND path <@ ?::ltree[]
                        ORDER BY nlevel(path)""")
                .param(path).param(path).param(scope.sqlArray()).query(NODE).list();
    }

    /**
     * Live nodes in scope by name or code prefix. One to two characters go through the name pieces (pg_trgm needs
     * three); longer queries through the trigram index. Two statements, so neither gets the other's plan.
     */
    List<AddressNode> search(String query, Scope scope, int offset, int limit) {
        String q = query.strip();
        String codePrefix = likeEscape(q.toUpperCase(java.util.Locale.ROOT)) + "%";
        String where = q.codePointCount(0, q.length()) < 3
                ? "(name_pieces @> ARRAY[lower(?)]::text[] OR code LIKE ?)"
                : "(name ILIKE ? OR code LIKE ?)";
        String nameArg = q.codePointCount(0, q.length()) < 3 ? q : "%" + likeEscape(q) + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM address.node WHERE retired_at IS NULL AND path <@ ?::ltree[] AND "
                        + where + " ORDER BY nlevel(path), sort_key, code OFFSET ? LIMIT ?")
                .param(scope.sqlArray()).param(nameArg).param(codePrefix).param(offset).param(limit)
                .query(NODE).list();
    }

    Map<AddressLevel, Long> countByLevel(Scope scope) {
        Map<AddressLevel, Long> counts = new EnumMap<>(AddressLevel.class);
        jdbc.sql("""
                        SELECT level, count(*) AS n FROM address.node
                        WHERE retired_at IS NULL AND path <@ ?::ltree[] GROUP BY level""")
                .param(scope.sqlArray())
                .query(rs -> {
                    counts.put(AddressLevel.valueOf(rs.getString("level")), rs.getLong("n"));
                });
        return counts;
    }

    /** Live codes → current paths. */
    Map<String, String> livePaths(Collection<String> codes) {
        Map<String, String> paths = new HashMap<>();
        if (codes.isEmpty()) {
            return paths;
        }
        jdbc.sql("SELECT code, path::text AS path FROM address.node WHERE code = ANY (?) AND retired_at IS NULL")
                .param(codes.toArray(String[]::new))
                .query(rs -> {
                    paths.put(rs.getString("code"), rs.getString("path"));
                });
        return paths;
    }

    /** Nodes by code, unscoped, for import rules. */
    Map<String, AddressNode> findAll(Collection<String> codes) {
        Map<String, AddressNode> found = new HashMap<>();
        List<String> all = new ArrayList<>(codes);
        for (int i = 0; i < all.size(); i += 10_000) {
            String[] chunk = all.subList(i, Math.min(all.size(), i + 10_000)).toArray(String[]::new);
            jdbc.sql("SELECT " + COLUMNS + " FROM address.node WHERE code = ANY (?)").param(chunk)
                    .query(NODE).list().forEach(n -> found.put(n.code(), n));
        }
        return found;
    }

    /** Live children of {@code parentCode} by (level, name): the natural key of a row imported without a code. */
    Optional<AddressNode> liveChildNamed(String parentCode, AddressLevel level, String name) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM address.node
                        WHERE parent_code = ? AND level = ? AND name = ? AND retired_at IS NULL
                        ORDER BY code LIMIT 1""")
                .param(parentCode).param(level.name()).param(name).query(NODE).optional();
    }

    /** Live nodes of {@code level} in the subtree of {@code code} that lie within scope, in path order. */
    List<AddressNode> descendants(String code, AddressLevel level, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM address.node
                        WHERE path <@ (SELECT path FROM address.node WHERE code = ?) AND path <@ ?::ltree[]
                          AND level = ? AND retired_at IS NULL
                        ORDER BY path""")
                .param(code).param(scope.sqlArray()).param(level.name()).query(NODE).list();
    }

    /** The node at {@code path} and every node below it, live and retired, unscoped (the caller checked the root). */
    List<AddressNode> subtree(String path) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM address.node WHERE path <@ ?::ltree ORDER BY path")
                .param(path).query(NODE).list();
    }

    /** All children (live and retired) of the given parents. */
    List<AddressNode> childrenOf(Collection<String> parentCodes) {
        if (parentCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM address.node WHERE parent_code = ANY (?)")
                .param(parentCodes.toArray(String[]::new)).query(NODE).list();
    }

    /** Codes of exactly {@code length} characters that start with {@code prefix}. */
    List<String> codesWithPrefix(String prefix, int length) {
        return jdbc.sql("SELECT code FROM address.node WHERE code LIKE ? AND length(code) = ?")
                .param(likeEscape(prefix) + "%").param(length).query(String.class).list();
    }

    /** The highest numeric segment of {@code width} digits used directly under the parent, 0 for none. */
    long highestSegment(String parentCode, int width) {
        return jdbc.sql("""
                        SELECT coalesce(max(substr(code, ? + 1)::bigint), 0) FROM address.node
                        WHERE parent_code = ? AND length(code) = ? + ? AND substr(code, ? + 1) ~ '^[0-9]+$'""")
                .param(parentCode.length()).param(parentCode).param(parentCode.length()).param(width)
                .param(parentCode.length())
                .query(Long.class).single();
    }

    /** Serialises code generation under one parent (and moves, under a fixed key) until the transaction ends. */
    void lock(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("address:" + key).query(Object.class).single();
    }

    /** Set-based insert (JDBC batches rewritten to multi-row inserts by the driver), parents before children. */
    void insertAll(List<NewNodeRow> rows) {
        String sql = """
                INSERT INTO address.node (code, parent_code, path, level, name, category, latitude, longitude, sort_key)
                VALUES (?, ?, ?::ltree, ?, ?, ?, ?, ?, ?)""";
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<NewNodeRow> chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
            template.batchUpdate(sql, chunk, chunk.size(), (ps, r) -> {
                ps.setString(1, r.code());
                ps.setString(2, r.parentCode());
                ps.setString(3, r.path());
                ps.setString(4, r.level().name());
                ps.setString(5, r.name());
                ps.setString(6, r.category() == null ? null : r.category().name());
                setDouble(ps, 7, r.latitude());
                setDouble(ps, 8, r.longitude());
                ps.setString(9, AddressRules.sortKey(r.name()));
            });
        }
    }

    /** Name, category and coordinates of existing nodes, in batches; each guarded by its version. */
    int[] updateAll(List<AddressNode> nodes) {
        String sql = """
                UPDATE address.node SET name = ?, sort_key = ?, category = ?, latitude = ?, longitude = ?,
                       updated_at = now(), version = version + 1
                WHERE code = ? AND version = ?""";
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i += BATCH) {
            List<AddressNode> chunk = nodes.subList(i, Math.min(nodes.size(), i + BATCH));
            int[][] result = template.batchUpdate(sql, chunk, chunk.size(), (ps, n) -> {
                ps.setString(1, n.name());
                ps.setString(2, AddressRules.sortKey(n.name()));
                ps.setString(3, n.category() == null ? null : n.category().name());
                setDouble(ps, 4, n.latitude());
                setDouble(ps, 5, n.longitude());
                ps.setString(6, n.code());
                ps.setInt(7, n.version());
            });
            for (int[] r : result) {
                for (int c : r) {
                    counts.add(c);
                }
            }
        }
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Moves the node and its subtree: paths under {@code oldPath} now start with {@code newPath}. */
    void move(String code, String newParentCode, String oldPath, String newPath) {
        jdbc.sql("""
                        UPDATE address.node
                           SET path = CASE WHEN path = ?::ltree THEN ?::ltree
                                           ELSE ?::ltree || subpath(path, nlevel(?::ltree)) END,
                               updated_at = now(), version = version + 1
                         WHERE path <@ ?::ltree""")
                .param(oldPath).param(newPath).param(newPath).param(oldPath).param(oldPath).update();
        jdbc.sql("UPDATE address.node SET parent_code = ? WHERE code = ?").param(newParentCode).param(code).update();
    }

    /** Retires the node and every live node below it, all with the same instant. */
    int retire(String path, Timestamp at) {
        return jdbc.sql("""
                        UPDATE address.node SET retired_at = ?, updated_at = now(), version = version + 1
                        WHERE path <@ ?::ltree AND retired_at IS NULL""")
                .param(at).param(path).update();
    }

    /** Restores the node and what was retired together with it. */
    int restore(String path, Timestamp retiredAt) {
        return jdbc.sql("""
                        UPDATE address.node SET retired_at = NULL, updated_at = now(), version = version + 1
                        WHERE path <@ ?::ltree AND retired_at = ?""")
                .param(path).param(retiredAt).update();
    }

    private static void setDouble(java.sql.PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static AddressNode node(ResultSet rs, int i) throws SQLException {
        String category = rs.getString("category");
        Timestamp retired = rs.getTimestamp("retired_at");
        return new AddressNode(rs.getString("code"), rs.getString("parent_code"), rs.getString("path"),
                AddressLevel.valueOf(rs.getString("level")), rs.getString("name"),
                category == null ? null : PlaceCategory.valueOf(category),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"),
                retired == null ? null : retired.toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"));
    }
}
