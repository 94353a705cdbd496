package org.beatbook.vehicle.internal;

import org.beatbook.shared.security.Scope;
import org.beatbook.vehicle.RegisteredVehicle;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.internal.VehicleRequests.VehicleView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The vehicle table. Every read of scoped rows takes the caller's scope. */
@Repository
class VehicleStore {

    /** A row as stored; the owner's name is added by the service. */
    record Row(long id, VehicleKind kind, String plate, PlateColor plateColor, VehicleType vehicleType, String tag,
               String brand, String colour, long ownerId, String nodeCode, String nodePath, Instant registeredAt,
               Instant lastSeenAt, int version) {

        VehicleView view(String ownerName) {
            return new VehicleView(id, kind, plate, plateColor, vehicleType, tag, brand, colour, ownerId, ownerName,
                    nodeCode, registeredAt, lastSeenAt, version);
        }
    }

    private static final String COLUMNS = """
            id, kind, plate, plate_color, vehicle_type, tag, brand, colour, owner_id, node_code, node_path::text,
            registered_at, last_seen_at, version""";

    private final JdbcClient jdbc;

    VehicleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Row r, String by) {
        return jdbc.sql("""
                        INSERT INTO vehicle.vehicle (kind, plate, plate_color, vehicle_type, tag, brand, colour, owner_id,
                                                     node_code, node_path, registered_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::ltree, ?) RETURNING id""")
                .params(r.kind().name(), r.plate(), name(r.plateColor()), name(r.vehicleType()), r.tag(), r.brand(),
                        r.colour(), r.ownerId(), r.nodeCode(), r.nodePath(), by)
                .query(Long.class).single();
    }

    /**
     * Inserts many vehicles in one statement (an import's good rows, the demo's households). A row's registration
     * time defaults to now; its last sighting is kept as given.
     */
    void insertAll(List<Row> rows, String by) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO vehicle.vehicle (kind, plate, plate_color, vehicle_type, tag, brand, colour, owner_id,
                                                     node_code, node_path, registered_by, registered_at, updated_at,
                                                     last_seen_at)
                        SELECT k, p, pc, vt, t, b, c, o, nc, np::ltree, ?::text, coalesce(ra, now()), coalesce(ra, now()), ls
                          FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                      ?::bigint[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
                               AS x(k, p, pc, vt, t, b, c, o, nc, np, ra, ls)""")
                .param(by)
                .param(rows.stream().map(r -> r.kind().name()).toArray(String[]::new))
                .param(rows.stream().map(Row::plate).toArray(String[]::new))
                .param(rows.stream().map(r -> name(r.plateColor())).toArray(String[]::new))
                .param(rows.stream().map(r -> name(r.vehicleType())).toArray(String[]::new))
                .param(rows.stream().map(Row::tag).toArray(String[]::new))
                .param(rows.stream().map(Row::brand).toArray(String[]::new))
                .param(rows.stream().map(Row::colour).toArray(String[]::new))
                .param(rows.stream().map(Row::ownerId).toArray(Long[]::new))
                .param(rows.stream().map(Row::nodeCode).toArray(String[]::new))
                .param(rows.stream().map(Row::nodePath).toArray(String[]::new))
                .param(rows.stream().map(r -> timestamp(r.registeredAt())).toArray(Timestamp[]::new))
                .param(rows.stream().map(r -> timestamp(r.lastSeenAt())).toArray(Timestamp[]::new))
                .update();
    }

    /** Whether any vehicle is registered at all. */
    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM vehicle.vehicle)").query(Boolean.class).single();
    }

    /** Who a registered plate or tag belongs to (not scoped: plates and tags are unique across the table). */
    record Holder(long vehicleId, long ownerId) { }

    /** The holders of these plates and of these tags, each by its plate or tag. */
    Map<String, Holder> holders(String column, Collection<String> values) {
        Map<String, Holder> found = new HashMap<>();
        if (values.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT " + column + ", id, owner_id FROM vehicle.vehicle WHERE " + column + " = ANY(?)")
                .param(values.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), new Holder(rs.getLong(2), rs.getLong(3)));
                });
        return found;
    }

    void update(Row r) {
        jdbc.sql("""
                        UPDATE vehicle.vehicle SET plate = ?, plate_color = ?, vehicle_type = ?, tag = ?, brand = ?, colour = ?,
                               node_code = ?, node_path = ?::ltree, updated_at = now(), version = version + 1
                         WHERE id = ?""")
                .params(r.plate(), name(r.plateColor()), name(r.vehicleType()), r.tag(), r.brand(), r.colour(),
                        r.nodeCode(), r.nodePath(), r.id())
                .update();
    }

    Optional<Row> find(long id, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vehicle.vehicle WHERE id = ? AND node_path <@ ?::ltree[]")
                .param(id).param(scope.sqlArray()).query(VehicleStore::row).optional();
    }

    Optional<Row> lock(long id, Scope scope) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM vehicle.vehicle WHERE id = ? AND node_path <@ ?::ltree[] FOR UPDATE")
                .param(id).param(scope.sqlArray()).query(VehicleStore::row).optional();
    }

    /** The other vehicle (not {@code exceptId}) that already carries this plate or tag, if any. */
    boolean taken(String column, String value, long exceptId) {
        if (value == null) {
            return false;
        }
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM vehicle.vehicle WHERE " + column + " = ? AND id <> ?)")
                .param(value).param(exceptId).query(Boolean.class).single();
    }

    /**
     * Vehicles in scope, newest first, filtered by a plate or tag fragment, kind, subtree (compound) and owner.
     * Fetches one row more than {@code size} so the caller knows whether there is a next page.
     */
    List<Row> search(String q, VehicleKind kind, String underPath, Long ownerId, Scope scope, int offset, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM vehicle.vehicle WHERE node_path <@ :scope::ltree[]");
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("scope", scope.sqlArray());
        if (q != null) {
            sql.append(" AND (plate LIKE :q OR tag LIKE :q)");
            params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (kind != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (underPath != null) {
            sql.append(" AND node_path <@ :under::ltree");
            params.put("under", underPath);
        }
        if (ownerId != null) {
            sql.append(" AND owner_id = :owner");
            params.put("owner", ownerId);
        }
        sql.append(" ORDER BY id DESC OFFSET :offset LIMIT :limit");
        params.put("offset", offset);
        params.put("limit", size + 1);
        return jdbc.sql(sql.toString()).params(params).query(VehicleStore::row).list();
    }

    /** Every registered vehicle, for the in-memory registry. */
    void each(Consumer<RegisteredWithSighting> sink) {
        jdbc.sql("SELECT id, kind, plate, tag, node_code, node_path::text, registered_at, last_seen_at FROM vehicle.vehicle")
                .query(rs -> {
                    sink.accept(new RegisteredWithSighting(new RegisteredVehicle(rs.getLong(1),
                            VehicleKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), instant(rs.getTimestamp(7))), instant(rs.getTimestamp(8))));
                });
    }

    /** Plates of the motor vehicles and tags of the e-bikes registered in scope, each in registration order. */
    Map<VehicleKind, List<String>> identifiers(Scope scope) {
        Map<VehicleKind, List<String>> out = new EnumMap<>(VehicleKind.class);
        jdbc.sql("""
                        SELECT kind, CASE WHEN kind = 'MOTOR' THEN plate ELSE tag END FROM vehicle.vehicle
                         WHERE node_path <@ ?::ltree[] ORDER BY id""")
                .param(scope.sqlArray())
                .query(rs -> {
                    out.computeIfAbsent(VehicleKind.valueOf(rs.getString(1)), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return out;
    }

    record RegisteredWithSighting(RegisteredVehicle vehicle, Instant lastSeenAt) { }

    /** Moves each vehicle's last sighting forward (never back): one statement for a whole batch. */
    void seen(Map<Long, Instant> latest) {
        Long[] ids = latest.keySet().toArray(Long[]::new);
        Timestamp[] ats = new Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ats[i] = Timestamp.from(latest.get(ids[i]));
        }
        jdbc.sql("""
                        UPDATE vehicle.vehicle v SET last_seen_at = x.at
                          FROM unnest(?::bigint[], ?::timestamptz[]) AS x(id, at)
                         WHERE v.id = x.id AND (v.last_seen_at IS NULL OR v.last_seen_at < x.at)""")
                .param(ids).param(ats).update();
    }

    /** Re-paths the rooms under a moved node. */
    void move(String oldPath, String newPath) {
        jdbc.sql("""
                        UPDATE vehicle.vehicle
                           SET node_path = repath(node_path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree))
                         WHERE node_path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", newPath).param("oldPath", oldPath).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), VehicleKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4) == null ? null : PlateColor.valueOf(rs.getString(4)),
                rs.getString(5) == null ? null : VehicleType.valueOf(rs.getString(5)), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getLong(9), rs.getString(10), rs.getString(11),
                instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), rs.getInt(14));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
