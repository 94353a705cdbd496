package org.beatbook.population.internal;

import org.beatbook.address.AddressNodeView;
import org.beatbook.population.ResidenceType;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of current residents within a scope, for the home page and the statistics page. A person counts once per
 * figure however many rooms they live in; "overdue" is a residence not verified for {@value PersonSearch#VERIFY_DAYS}
 * days (registration counts as the first verification).
 */
@Component
class ResidentCounts {

    /** The tags the home page counts. */
    static final String NEEDS_CARE = "需关爱";
    static final String LIVING_ALONE = "独居老人";

    static final String OVERDUE = "coalesce(r.verified_at, r.started_at) < now() - make_interval(days => "
            + PersonSearch.VERIFY_DAYS + ")";

    /** The home page's figures. */
    record Totals(long residents, Map<ResidenceType, Long> byType, long needsCare, long livingAlone, long overdue) { }

    /** One compound's row: residents, owners and their families, tenants, short-term guests, overdue. */
    static final int COLUMNS = 5;

    private final JdbcClient jdbc;
    private final Rooms rooms;

    ResidentCounts(JdbcClient jdbc, Rooms rooms) {
        this.jdbc = jdbc;
        this.rooms = rooms;
    }

    @Transactional(readOnly = true)
    Totals totals(Scope scope) {
        Map<ResidenceType, Long> byType = new EnumMap<>(ResidenceType.class);
        for (ResidenceType t : ResidenceType.values()) {
            byType.put(t, 0L);
        }
        long[] all = new long[4];
        jdbc.sql("""
                        select r.residence_type, count(distinct r.person_id) from population.residence r
                        where r.moved_out is null and r.node_path <@ cast(? as ltree[])
                        group by rollup (r.residence_type)""")
                .param(scope.sqlArray())
                .query(rs -> {
                    if (rs.getString(1) == null) {
                        all[0] = rs.getLong(2);
                    } else {
                        byType.put(ResidenceType.valueOf(rs.getString(1)), rs.getLong(2));
                    }
                });
        jdbc.sql("""
                        select count(*) filter (where p.tags @> array[cast(? as text)]), count(*) filter (where p.tags @> array[cast(? as text)]),
                               count(*) filter (where exists (select 1 from population.residence r
                                   where r.person_id = p.id and r.moved_out is null
                                     and r.node_path <@ cast(? as ltree[]) and %s))
                        from population.person p
                        where exists (select 1 from population.residence r where r.person_id = p.id
                                      and r.moved_out is null and r.node_path <@ cast(? as ltree[]))""".formatted(OVERDUE))
                .param(NEEDS_CARE).param(LIVING_ALONE).param(scope.sqlArray()).param(scope.sqlArray())
                .query(rs -> {
                    all[1] = rs.getLong(1);
                    all[2] = rs.getLong(2);
                    all[3] = rs.getLong(3);
                });
        return new Totals(all[0], byType, all[1], all[2], all[3]);
    }

    /**
     * Per compound code (or "" for residences under no compound) the {@value #COLUMNS} columns, within scope.
     * Compounds in scope without residents are listed with zeros.
     */
    @Transactional(readOnly = true)
    Map<String, long[]> byCompound(Scope scope) {
        List<String> codes = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (AddressNodeView c : rooms.compounds(scope)) {
            codes.add(c.code());
            paths.add(c.path());
        }
        Map<String, long[]> out = new HashMap<>();
        codes.forEach(c -> out.put(c, new long[COLUMNS]));
        jdbc.sql("""
                        select coalesce(c.code, ''), count(distinct r.person_id),
                               count(distinct r.person_id) filter (where r.residence_type in ('OWNER', 'FAMILY')),
                               count(distinct r.person_id) filter (where r.residence_type = 'TENANT'),
                               count(distinct r.person_id) filter (where r.residence_type = 'SHORT_TERM_GUEST'),
                               count(distinct r.person_id) filter (where %s)
                        from population.residence r
                        left join lateral (select c.code from unnest(cast(? as text[]), cast(? as ltree[])) as c(code, path)
                                           where r.node_path <@ c.path limit 1) c on true
                        where r.moved_out is null and r.node_path <@ cast(? as ltree[])
                        group by 1""".formatted(OVERDUE))
                .param(codes.toArray(String[]::new)).param("{" + String.join(",", paths) + "}")
                .param(scope.sqlArray())
                .query(rs -> {
                    long[] row = new long[COLUMNS];
                    for (int i = 0; i < COLUMNS; i++) {
                        row[i] = rs.getLong(i + 2);
                    }
                    out.put(rs.getString(1), row);
                });
        return out;
    }
}
