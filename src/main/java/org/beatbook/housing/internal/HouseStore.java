package org.beatbook.housing.internal;

import org.beatbook.housing.internal.HouseViews.HouseSummary;
import org.beatbook.housing.internal.HouseViews.VersionView;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of the housing schema. Reads of lists take the caller's scope; single rows are scoped by the registry. */
@Repository
class HouseStore {

    record HouseRow(String roomCode, String nodePath, String compoundCode, String addressLabel, String usage,
                    Long ownerPersonId, String ownerName, String ownerDocument, String ownerPhone,
                    String landlordName, String landlordPhone, String listingPlatform, String listingId,
                    String listingUrl, String listingHost, LocalDate verifiedOn, String verifiedBy,
                    String verificationResult, String verificationNote, int version) {

        HouseRow withUsage(String usage, Long ownerPersonId, String ownerName, String ownerDocument, String ownerPhone,
                           String landlordName, String landlordPhone) {
            return new HouseRow(roomCode, nodePath, compoundCode, addressLabel, usage, ownerPersonId, ownerName,
                    ownerDocument, ownerPhone, landlordName, landlordPhone, listingPlatform, listingId, listingUrl,
                    listingHost, verifiedOn, verifiedBy, verificationResult, verificationNote, version);
        }
    }

    record TenancyRow(long id, String roomCode, Long tenantPersonId, String tenantName, String tenantDocument,
                      String tenantPhone, LocalDate startDate, LocalDate endDate, String contractNumber,
                      LocalDate endedOn) { }

    record GuestRow(long id, Long personId, String name, String documentMasked, LocalDate checkIn,
                    LocalDate checkOut) { }

    /** List filters; null means any. {@code usage} may be {@link Usages#RENTAL}. */
    record Filter(String compoundCode, String usage, boolean unverified) { }

    private static final String RENTAL_USAGES = "('" + Usages.RENTED + "','" + Usages.SHORT_TERM + "')";

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    HouseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<HouseRow> find(String roomCode) {
        return jdbc.sql("SELECT * FROM housing.house WHERE room_code = ?").param(roomCode).query(HouseStore::house)
                .optional();
    }

    Optional<HouseRow> lock(String roomCode) {
        return jdbc.sql("SELECT * FROM housing.house WHERE room_code = ? FOR UPDATE").param(roomCode)
                .query(HouseStore::house).optional();
    }

    void insert(HouseRow h) {
        jdbc.sql("""
                        INSERT INTO housing.house (room_code, node_path, compound_code, address_label, usage,
                               owner_person_id, owner_name, owner_document, owner_phone, landlord_name, landlord_phone)
                        VALUES (?, ?::ltree, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(h.roomCode(), h.nodePath(), h.compoundCode(), h.addressLabel(), h.usage(), h.ownerPersonId(),
                        h.ownerName(), h.ownerDocument(), h.ownerPhone(), h.landlordName(), h.landlordPhone())
                .update();
    }

    /** Writes the row and raises the version; the label and path are refreshed from the address tree. */
    void update(HouseRow h) {
        jdbc.sql("""
                        UPDATE housing.house SET node_path = ?::ltree, compound_code = ?, address_label = ?, usage = ?,
                               owner_person_id = ?, owner_name = ?, owner_document = ?, owner_phone = ?,
                               landlord_name = ?, landlord_phone = ?, listing_platform = ?, listing_id = ?,
                               listing_url = ?, listing_host = ?, verified_on = ?, verified_by = ?,
                               verification_result = ?, verification_note = ?, version = version + 1, updated_at = now()
                         WHERE room_code = ?""")
                .params(h.nodePath(), h.compoundCode(), h.addressLabel(), h.usage(), h.ownerPersonId(), h.ownerName(),
                        h.ownerDocument(), h.ownerPhone(), h.landlordName(), h.landlordPhone(), h.listingPlatform(),
                        h.listingId(), h.listingUrl(), h.listingHost(), sqlDate(h.verifiedOn()), h.verifiedBy(),
                        h.verificationResult(), h.verificationNote(), h.roomCode())
                .update();
    }

    List<TenancyRow> tenancies(String roomCode) {
        return jdbc.sql("SELECT * FROM housing.tenancy WHERE room_code = ? ORDER BY ended_on IS NOT NULL, start_date DESC, id DESC")
                .param(roomCode).query(HouseStore::tenancy).list();
    }

    Optional<TenancyRow> tenancy(String roomCode, long id) {
        return jdbc.sql("SELECT * FROM housing.tenancy WHERE room_code = ? AND id = ? FOR UPDATE")
                .param(roomCode).param(id).query(HouseStore::tenancy).optional();
    }

    long insertTenancy(String roomCode, HouseCommands.AddTenancy t, String by) {
        return jdbc.sql("""
                        INSERT INTO housing.tenancy (room_code, tenant_person_id, tenant_name, tenant_document,
                               tenant_phone, start_date, end_date, contract_number, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(roomCode, t.tenantPersonId(), t.tenantName(), t.tenantDocument(), t.tenantPhone(),
                        sqlDate(t.startDate()), sqlDate(t.endDate()), t.contractNumber(), by)
                .query(Long.class).single();
    }

    void endTenancy(long id, LocalDate endedOn, String by) {
        jdbc.sql("UPDATE housing.tenancy SET ended_on = ?, ended_at = now(), ended_by = ? WHERE id = ?")
                .params(sqlDate(endedOn), by, id).update();
    }

    List<GuestRow> guests(String roomCode, int limit) {
        return jdbc.sql("""
                        SELECT id, person_id, name, document_masked, check_in, check_out FROM housing.guest
                         WHERE room_code = ? ORDER BY check_in DESC, id DESC LIMIT ?""")
                .param(roomCode).param(limit)
                .query((rs, i) -> new GuestRow(rs.getLong("id"), (Long) rs.getObject("person_id"), rs.getString("name"),
                        rs.getString("document_masked"), date(rs, "check_in"), date(rs, "check_out")))
                .list();
    }

    long insertGuest(String roomCode, HouseCommands.RegisterGuest g, String by) {
        return jdbc.sql("""
                        INSERT INTO housing.guest (room_code, person_id, name, document_masked, check_in, check_out,
                               registered_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(roomCode, g.personId(), g.name(), g.document(), sqlDate(g.checkIn()), sqlDate(g.checkOut()), by)
                .query(Long.class).single();
    }

    void recordVersion(String roomCode, String by, String change, Map<String, ?> changes) {
        jdbc.sql("""
                        INSERT INTO housing.house_version (room_code, version, changed_by, change, changes)
                        SELECT ?, coalesce(max(version), 0) + 1, ?, ?, ?::jsonb FROM housing.house_version
                         WHERE room_code = ?""")
                .params(roomCode, by, change, json.writeValueAsString(changes), roomCode).update();
    }

    List<VersionView> versions(String roomCode) {
        return jdbc.sql("""
                        SELECT version, changed_at, changed_by, change, changes::text AS changes
                          FROM housing.house_version WHERE room_code = ? ORDER BY version DESC LIMIT 200""")
                .param(roomCode)
                .query((rs, i) -> new VersionView(rs.getInt("version"), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by"), rs.getString("change"), rs.getString("changes")))
                .list();
    }

    // ---- lists, ledger and figures, always within a scope -------------------------------------------------

    private static final String SUMMARY = """
            SELECT h.room_code, h.address_label, h.compound_code, h.usage, h.owner_name, h.landlord_name,
                   h.landlord_phone, h.verified_on, h.verification_result,
                   (SELECT count(*) FROM housing.tenancy t WHERE t.room_code = h.room_code AND t.ended_on IS NULL) AS tenants,
                   (SELECT string_agg(t.tenant_name, '、' ORDER BY t.start_date) FROM housing.tenancy t
                     WHERE t.room_code = h.room_code AND t.ended_on IS NULL) AS tenant_names
              FROM housing.house h
            """;

    private static String where(Filter f) {
        StringBuilder w = new StringBuilder(" WHERE h.node_path <@ CAST(:scope AS ltree[])");
        if (f.compoundCode() != null) {
            w.append(" AND h.compound_code = :compound");
        }
        if (Usages.RENTAL.equals(f.usage())) {
            w.append(" AND h.usage IN ").append(RENTAL_USAGES);
        } else if (f.usage() != null) {
            w.append(" AND h.usage = :usage");
        }
        if (f.unverified()) {
            w.append(" AND h.usage IN ").append(RENTAL_USAGES)
                    .append(" AND (h.verified_on IS NULL OR h.verified_on < :cutoff)");
        }
        return w.toString();
    }

    List<HouseSummary> list(Filter f, Scope scope, LocalDate today, int offset, int limit) {
        return jdbc.sql(SUMMARY + where(f) + " ORDER BY h.compound_code, h.address_label, h.room_code OFFSET :offset LIMIT :limit")
                .param("scope", scope.sqlArray()).param("compound", f.compoundCode()).param("usage", f.usage())
                .param("cutoff", sqlDate(today.minusDays(HouseViews.VERIFY_EVERY_DAYS)))
                .param("offset", offset).param("limit", limit)
                .query((rs, i) -> summary(rs, today)).list();
    }

    long count(Filter f, Scope scope, LocalDate today) {
        return jdbc.sql("SELECT count(*) FROM housing.house h" + where(f))
                .param("scope", scope.sqlArray()).param("compound", f.compoundCode()).param("usage", f.usage())
                .param("cutoff", sqlDate(today.minusDays(HouseViews.VERIFY_EVERY_DAYS)))
                .query(Long.class).single();
    }

    /** One line per current tenancy (or per house without one) of the rental houses of a compound, for the ledger. */
    record LedgerLine(String roomCode, String address, String usage, String ownerName, String ownerDocument,
                      String ownerPhone, String landlordName, String landlordPhone, String tenantName,
                      String tenantDocument, String tenantPhone, LocalDate startDate, LocalDate endDate,
                      String contractNumber, LocalDate verifiedOn, String verificationResult) { }

    /** @param english usage labels in English instead of Chinese */
    List<LedgerLine> ledger(Filter f, Scope scope, LocalDate today, boolean english) {
        return jdbc.sql("""
                        SELECT h.room_code, h.address_label,
                               CASE WHEN :english THEN u.label_en ELSE u.label_zh END AS usage, h.owner_name, h.owner_document, h.owner_phone,
                               h.landlord_name, h.landlord_phone, t.tenant_name, t.tenant_document, t.tenant_phone,
                               t.start_date, t.end_date, t.contract_number, h.verified_on, h.verification_result
                          FROM housing.house h
                          JOIN housing.usage u ON u.code = h.usage
                          LEFT JOIN housing.tenancy t ON t.room_code = h.room_code AND t.ended_on IS NULL
                        """ + where(f) + " ORDER BY h.address_label, h.room_code, t.start_date LIMIT 100000")
                .param("scope", scope.sqlArray()).param("compound", f.compoundCode()).param("usage", f.usage())
                .param("cutoff", sqlDate(today.minusDays(HouseViews.VERIFY_EVERY_DAYS))).param("english", english)
                .query((rs, i) -> new LedgerLine(rs.getString("room_code"), rs.getString("address_label"),
                        rs.getString("usage"), rs.getString("owner_name"), rs.getString("owner_document"),
                        rs.getString("owner_phone"), rs.getString("landlord_name"), rs.getString("landlord_phone"),
                        rs.getString("tenant_name"), rs.getString("tenant_document"), rs.getString("tenant_phone"),
                        date(rs, "start_date"), date(rs, "end_date"), rs.getString("contract_number"),
                        date(rs, "verified_on"), rs.getString("verification_result")))
                .list();
    }

    /** Per compound ("" for none): rented, short-term, vacant, rental houses unverified for 90+ days. */
    Map<String, long[]> figures(Scope scope, LocalDate today) {
        Map<String, long[]> result = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT coalesce(compound_code, '') AS compound,
                               count(*) FILTER (WHERE usage = 'RENTED') AS rented,
                               count(*) FILTER (WHERE usage = 'SHORT_TERM_RENTAL') AS short_term,
                               count(*) FILTER (WHERE usage = 'VACANT') AS vacant,
                               count(*) FILTER (WHERE usage IN ('RENTED', 'SHORT_TERM_RENTAL')
                                                AND (verified_on IS NULL OR verified_on < ?)) AS unverified
                          FROM housing.house WHERE node_path <@ ?::ltree[] GROUP BY 1""")
                .param(sqlDate(today.minusDays(HouseViews.VERIFY_EVERY_DAYS))).param(scope.sqlArray())
                .query(rs -> {
                    result.put(rs.getString("compound"), new long[]{rs.getLong("rented"), rs.getLong("short_term"),
                            rs.getLong("vacant"), rs.getLong("unverified")});
                });
        return result;
    }

    boolean anyHouse() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM housing.house)").query(Boolean.class).single();
    }

    void repath(String oldPath, String newPath, String compoundCode, boolean setCompound) {
        jdbc.sql("""
                        UPDATE housing.house
                           SET node_path = repath(node_path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree)),
                               compound_code = CASE WHEN :set THEN :compound ELSE compound_code END
                         WHERE node_path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", newPath).param("oldPath", oldPath).param("set", setCompound)
                .param("compound", compoundCode).update();
    }

    /** Codes of the houses at or below {@code path}. */
    List<String> roomsUnder(String path) {
        return jdbc.sql("SELECT room_code FROM housing.house WHERE node_path <@ CAST(? AS ltree)")
                .param(path).query(String.class).list();
    }

    /** Sets the labels of many houses in one statement; the version stays (a label follows the tree, nobody edits it). */
    int relabel(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        UPDATE housing.house h SET address_label = v.label
                          FROM unnest(?::text[], ?::text[]) AS v(code, label)
                         WHERE h.room_code = v.code AND h.address_label IS DISTINCT FROM v.label""")
                .params(labels.keySet().toArray(String[]::new), labels.values().toArray(String[]::new)).update();
    }

    /** Rental houses are the ones verified every 90 days (ADR 0011). */
    static boolean rental(String usage) {
        return Usages.RENTED.equals(usage) || Usages.SHORT_TERM.equals(usage);
    }

    private static HouseSummary summary(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate verified = date(rs, "verified_on");
        return new HouseSummary(rs.getString("room_code"), rs.getString("address_label"), rs.getString("compound_code"),
                rs.getString("usage"), rs.getString("owner_name"), rs.getString("landlord_name"),
                org.beatbook.shared.masking.Masking.phone(rs.getString("landlord_phone")), rs.getInt("tenants"),
                rs.getString("tenant_names"), verified, rs.getString("verification_result"),
                rental(rs.getString("usage")) && HouseViews.overdue(verified, today));
    }

    private static HouseRow house(ResultSet rs, int i) throws SQLException {
        return new HouseRow(rs.getString("room_code"), rs.getString("node_path"), rs.getString("compound_code"),
                rs.getString("address_label"), rs.getString("usage"), (Long) rs.getObject("owner_person_id"),
                rs.getString("owner_name"), rs.getString("owner_document"), rs.getString("owner_phone"),
                rs.getString("landlord_name"), rs.getString("landlord_phone"), rs.getString("listing_platform"),
                rs.getString("listing_id"), rs.getString("listing_url"), rs.getString("listing_host"),
                date(rs, "verified_on"), rs.getString("verified_by"), rs.getString("verification_result"),
                rs.getString("verification_note"), rs.getInt("version"));
    }

    private static TenancyRow tenancy(ResultSet rs, int i) throws SQLException {
        return new TenancyRow(rs.getLong("id"), rs.getString("room_code"), (Long) rs.getObject("tenant_person_id"),
                rs.getString("tenant_name"), rs.getString("tenant_document"), rs.getString("tenant_phone"),
                date(rs, "start_date"), date(rs, "end_date"), rs.getString("contract_number"), date(rs, "ended_on"));
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
