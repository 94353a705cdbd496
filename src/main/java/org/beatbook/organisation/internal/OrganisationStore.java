package org.beatbook.organisation.internal;

import org.beatbook.organisation.internal.OrganisationViews.EmployeeView;
import org.beatbook.organisation.internal.OrganisationViews.OrganisationView;
import org.beatbook.organisation.internal.OrganisationViews.VersionView;
import org.beatbook.population.DocumentNumber;
import org.beatbook.population.NameKeys;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The organisation tables: rows in and out, versions, staff. Scope is applied by the callers' queries here. */
@Repository
class OrganisationStore {

    /** A stored organisation, numbers in full. */
    record OrganisationRow(long id, String name, String creditCode, OrganisationType type, String industry,
                           String nodeCode, String nodePath, String compoundCode, String addressLabel,
                           String legalRepName, String legalRepDocumentType, String legalRepDocument,
                           Long legalRepPersonId, String phone, String securityName, String securityPhone,
                           OrganisationStatus status, int version) { }

    record EmploymentRow(long id, long organisationId, Long personId, String name, String documentType,
                         String document, String phone, StaffRole role, LocalDate started, LocalDate ended) { }

    static final String COLUMNS = """
            id, name, credit_code, org_type, industry, node_code, node_path::text AS node_path, compound_code,
            address_label, legal_rep_name, legal_rep_document_type, legal_rep_document, legal_rep_person_id, phone,
            security_name, security_phone, status, version""";

    static final RowMapper<OrganisationRow> ROW = (rs, i) -> new OrganisationRow(rs.getLong("id"),
            rs.getString("name"), rs.getString("credit_code"), OrganisationType.valueOf(rs.getString("org_type")),
            rs.getString("industry"), rs.getString("node_code"), rs.getString("node_path"),
            rs.getString("compound_code"), rs.getString("address_label"), rs.getString("legal_rep_name"),
            rs.getString("legal_rep_document_type"), rs.getString("legal_rep_document"),
            (Long) rs.getObject("legal_rep_person_id"), rs.getString("phone"), rs.getString("security_name"),
            rs.getString("security_phone"), OrganisationStatus.valueOf(rs.getString("status")), rs.getInt("version"));

    private static final RowMapper<EmploymentRow> EMPLOYMENT = (rs, i) -> new EmploymentRow(rs.getLong("id"),
            rs.getLong("organisation_id"), (Long) rs.getObject("person_id"), rs.getString("name"),
            rs.getString("document_type"), rs.getString("document"), rs.getString("phone"),
            StaffRole.valueOf(rs.getString("role")), rs.getObject("started", LocalDate.class),
            rs.getObject("ended", LocalDate.class));

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    OrganisationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The search keys of a name: full pinyin spellings and initials (population.NameKeys). */
    static String[] keys(String name) {
        NameKeys.Keys k = NameKeys.of(name);
        LinkedHashSet<String> all = new LinkedHashSet<>(k.fullPinyin());
        all.addAll(k.initials());
        return all.toArray(String[]::new);
    }

    long insert(OrganisationFacts f) {
        return jdbc.sql("""
                        INSERT INTO organisation.organisation (name, credit_code, org_type, industry, node_code, node_path,
                               compound_code, address_label, legal_rep_name, legal_rep_document_type, legal_rep_document,
                               legal_rep_person_id, phone, security_name, security_phone, status, name_keys)
                        VALUES (:name, :code, :type, :industry, :node, CAST(:path AS ltree), :compound, :label, :rep,
                                :repType, :repDoc, :repPerson, :phone, :security, :securityPhone, :status, :keys)
                        RETURNING id""")
                .params(params(f)).query(Long.class).single();
    }

    /** Writes new facts if the row is still at {@code version}; answers whether it was. */
    boolean update(long id, int version, OrganisationFacts f) {
        Map<String, Object> p = params(f);
        p.put("id", id);
        p.put("version", version);
        return jdbc.sql("""
                        UPDATE organisation.organisation
                           SET name = :name, credit_code = :code, org_type = :type, industry = :industry,
                               node_code = :node, node_path = CAST(:path AS ltree), compound_code = :compound,
                               address_label = :label, legal_rep_name = :rep, legal_rep_document_type = :repType,
                               legal_rep_document = :repDoc, legal_rep_person_id = :repPerson, phone = :phone,
                               security_name = :security, security_phone = :securityPhone, status = :status,
                               name_keys = :keys, updated_at = now()
                         WHERE id = :id AND version = :version""")
                .params(p).update() == 1;
    }

    private static Map<String, Object> params(OrganisationFacts f) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", f.name());
        p.put("code", f.creditCodeValue());
        p.put("type", f.type().name());
        p.put("industry", f.industry());
        p.put("node", f.place().code());
        p.put("path", f.place().path());
        p.put("compound", f.place().compoundCode());
        p.put("label", f.place().label());
        p.put("rep", f.legalRepName());
        p.put("repType", f.legalRepDocument() == null ? null : f.legalRepDocument().type().name());
        p.put("repDoc", f.legalRepDocument() == null ? null : f.legalRepDocument().value());
        p.put("repPerson", f.legalRepPersonId());
        p.put("phone", f.phone());
        p.put("security", f.securityName());
        p.put("securityPhone", f.securityPhone());
        p.put("status", f.status().name());
        p.put("keys", keys(f.name()));
        return p;
    }

    Optional<OrganisationRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation.organisation WHERE id = ?").param(id).query(ROW).optional();
    }

    /** The row if it lies within scope; locked for the change that follows when {@code lock}. */
    Optional<OrganisationRow> inScope(long id, Scope scope, boolean lock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation.organisation WHERE id = ? AND node_path <@ CAST(? AS ltree[])"
                        + (lock ? " FOR UPDATE" : ""))
                .param(id).param(scope.sqlArray()).query(ROW).optional();
    }

    Optional<Long> byCreditCode(String code) {
        return jdbc.sql("SELECT id FROM organisation.organisation WHERE credit_code = ?").param(code).query(Long.class).optional();
    }

    Optional<Long> byNodeAndName(String nodeCode, String name) {
        return jdbc.sql("SELECT id FROM organisation.organisation WHERE node_code = ? AND name = ?")
                .param(nodeCode).param(name).query(Long.class).optional();
    }

    /** Rows with any of these credit codes or at any of these nodes, in one query (the import's matching). */
    List<OrganisationRow> candidates(Collection<String> codes, Collection<String> nodes) {
        if (codes.isEmpty() && nodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation.organisation"
                        + " WHERE credit_code = ANY(:codes) OR node_code = ANY(:nodes)")
                .param("codes", codes.toArray(String[]::new)).param("nodes", nodes.toArray(String[]::new))
                .query(ROW).list();
    }

    List<EmploymentRow> employments(long organisationId) {
        return jdbc.sql("""
                        SELECT * FROM organisation.employment WHERE organisation_id = ?
                         ORDER BY ended IS NOT NULL, started DESC, id DESC""")
                .param(organisationId).query(EMPLOYMENT).list();
    }

    Optional<EmploymentRow> employment(long organisationId, long employmentId) {
        return jdbc.sql("SELECT * FROM organisation.employment WHERE organisation_id = ? AND id = ?")
                .param(organisationId).param(employmentId).query(EMPLOYMENT).optional();
    }

    long insertEmployment(long organisationId, Long personId, String name, DocumentNumber document, String phone,
                          StaffRole role, LocalDate started, String by) {
        return jdbc.sql("""
                        INSERT INTO organisation.employment (organisation_id, person_id, name, document_type, document,
                                                             phone, role, started, started_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(organisationId, personId, name, document == null ? null : document.type().name(),
                        document == null ? null : document.value(), phone, role.name(), Date.valueOf(started), by)
                .query(Long.class).single();
    }

    void endEmployment(long employmentId, LocalDate ended, String by) {
        jdbc.sql("UPDATE organisation.employment SET ended = ?, ended_at = now(), ended_by = ? WHERE id = ?")
                .params(Date.valueOf(ended), by, employmentId).update();
    }

    /** Appends the next version and bumps the row's version number. */
    int recordVersion(long id, String by, String change, Map<String, ?> changes) {
        int next = jdbc.sql("UPDATE organisation.organisation SET version = version + 1, updated_at = now() WHERE id = ? RETURNING version")
                .param(id).query(Integer.class).single();
        writeVersion(id, next, by, change, changes);
        return next;
    }

    void writeVersion(long id, int version, String by, String change, Map<String, ?> changes) {
        jdbc.sql("""
                        INSERT INTO organisation.organisation_version (organisation_id, version, changed_by, change, changes)
                        VALUES (?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(id, version, by, change, json.writeValueAsString(changes)).update();
    }

    List<VersionView> versions(long id) {
        return jdbc.sql("""
                        SELECT version, changed_at, changed_by, change, changes::text AS changes
                          FROM organisation.organisation_version WHERE organisation_id = ? ORDER BY version DESC""")
                .param(id).query((rs, i) -> new VersionView(rs.getInt("version"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"), rs.getString("change"),
                        rs.getString("changes"))).list();
    }

    OrganisationView view(OrganisationRow r) {
        List<EmployeeView> staff = new ArrayList<>();
        for (EmploymentRow e : employments(r.id())) {
            staff.add(new EmployeeView(e.id(), e.personId(), e.name(), Masking.document(e.document()),
                    Masking.phone(e.phone()), e.role(), e.started(), e.ended()));
        }
        return new OrganisationView(r.id(), r.name(), r.creditCode(), r.type(), r.industry(), r.nodeCode(),
                r.addressLabel(), r.compoundCode(), r.legalRepName(), Masking.document(r.legalRepDocument()),
                r.legalRepPersonId(), Masking.phone(r.phone()), r.securityName(), Masking.phone(r.securityPhone()),
                r.status(), r.version(), staff);
    }

    static String[] array(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? new String[0] : (String[]) a.getArray();
    }
}
