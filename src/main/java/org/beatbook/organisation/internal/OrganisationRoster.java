package org.beatbook.organisation.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The organisation roster (单位台账) as xlsx: every unit in the caller's scope (filtered like the list), numbers
 * masked; in full only for the station leader and the community officer with a stated purpose. Every export is
 * recorded in the audit log, a refused one too.
 */
@Service
public class OrganisationRoster {

    private final JdbcClient jdbc;
    private final Workbooks workbooks;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    OrganisationRoster(JdbcClient jdbc, Workbooks workbooks, MessageSource messages, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.workbooks = workbooks;
        this.messages = messages;
        this.events = events;
    }

    /** Refuses (and records) a request for full numbers from a role without the right, before anything is read. */
    public void mayExport(String purpose, Caller caller) {
        if (purpose != null && !purpose.isBlank() && !OrganisationRegistry.REVEALERS.contains(caller.role())) {
            events.publishEvent(new AuditEvent("ORGANISATION_ROSTER_EXPORTED", OrganisationRegistry.ORGANISATION, null,
                    null, Masking.scrub(purpose.length() > 200 ? purpose.substring(0, 200) : purpose),
                    AuditEvent.Result.DENIED, "role=" + caller.role(), null));
            throw new AccessDeniedException("full numbers need STATION_LEADER or COMMUNITY_OFFICER");
        }
    }

    @Transactional
    public byte[] export(OrganisationSearch.Filter f, String purpose, Caller caller, Locale locale) {
        mayExport(purpose, caller);
        boolean full = purpose != null && !purpose.isBlank();
        String why = full ? OrganisationInput.purpose(purpose) : null;
        List<List<?>> rows = new ArrayList<>();
        jdbc.sql("""
                        SELECT o.*, (SELECT count(*) FROM organisation.employment e
                                      WHERE e.organisation_id = o.id AND e.ended IS NULL) AS staff
                          FROM organisation.organisation o
                         WHERE node_path <@ CAST(:scope AS ltree[])
                           AND (CAST(:type AS text) IS NULL OR org_type = :type)
                           AND (CAST(:compound AS text) IS NULL
                                OR (:compound = '-' AND compound_code IS NULL) OR compound_code = :compound)
                           AND (CAST(:node AS text) IS NULL OR node_path <@ CAST(:node AS ltree))
                         ORDER BY address_label, name, id""")
                .param("scope", caller.scope().sqlArray())
                .param("type", f.type() == null ? null : f.type().name())
                .param("compound", f.compound() == null || f.compound().isBlank() ? null : f.compound())
                .param("node", f.nodePath())
                .query(rs -> {
                    String doc = rs.getString("legal_rep_document");
                    String phone = rs.getString("phone");
                    String secPhone = rs.getString("security_phone");
                    rows.add(java.util.Arrays.asList(rs.getString("name"), rs.getString("credit_code"),
                            msg("organisation.type." + rs.getString("org_type"), locale), rs.getString("industry"),
                            rs.getString("node_code"), rs.getString("address_label"), rs.getString("legal_rep_name"),
                            full ? doc : Masking.document(doc), full ? phone : Masking.phone(phone),
                            rs.getString("security_name"), full ? secPhone : Masking.phone(secPhone),
                            msg("organisation.status." + rs.getString("status"), locale), rs.getLong("staff")));
                });
        List<String> headers = List.of("organisation.field.name", "organisation.field.creditCode",
                        "organisation.field.type", "organisation.field.industry", "organisation.field.addressCode",
                        "organisation.field.address", "organisation.field.legalRepresentative",
                        "organisation.field.legalRepresentativeDocument", "organisation.field.phone",
                        "organisation.field.securityContact", "organisation.field.securityPhone",
                        "organisation.field.status", "organisation.field.staff")
                .stream().map(k -> msg(k, locale)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbooks.ledger(out, msg("organisation.roster.sheet", locale), msg("organisation.roster.title", locale),
                headers, rows);
        AuditEvent e = AuditEvent.success("ORGANISATION_ROSTER_EXPORTED", OrganisationRegistry.ORGANISATION, null, null)
                .withDetail("rows=" + rows.size() + "; masked=" + !full);
        events.publishEvent(why == null ? e : e.withPurpose(why));
        return out.toByteArray();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
