package org.beatbook.population.internal;

import org.beatbook.address.AddressNodeView;
import org.beatbook.population.DocumentType;
import org.beatbook.population.Ethnicity;
import org.beatbook.population.Relationship;
import org.beatbook.population.Sex;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The resident roster (住户花名册) of a compound, building or the caller's whole jurisdiction as xlsx, streamed
 * row by row from a cursor. Numbers are masked unless the caller may reveal them and states a purpose; every
 * export is audited with its purpose (if any), its scope and its row count.
 */
@Service
public class ResidentRoster {

    private static final List<String> HEADERS = List.of("name", "documentType", "idNumber", "sex", "birthDate",
            "ethnicity", "phone", "address", "addressCode", "residenceType", "relationship", "moveInDate",
            "occupation", "employer", "tags");

    private final JdbcClient cursor;
    private final Rooms rooms;
    private final Workbooks workbooks;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    ResidentRoster(DataSource dataSource, Rooms rooms, Workbooks workbooks, MessageSource messages,
                   ApplicationEventPublisher events) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(2_000); // a cursor: a roster of any size never sits in memory
        this.cursor = JdbcClient.create(template);
        this.rooms = rooms;
        this.workbooks = workbooks;
        this.messages = messages;
        this.events = events;
    }

    /**
     * Writes the roster of the node {@code under} (null: the whole jurisdiction) to {@code out}. A purpose asks for
     * full numbers: refused (and recorded) for roles that may not reveal. {@code out} is opened only once the
     * request passed its checks, so a refusal can still answer as an error.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class) // the refusal's audit row must stay
    public void write(String under, String purpose, Caller caller, Supplier<OutputStream> out, Locale locale) {
        boolean full = purpose != null && !purpose.isBlank();
        AddressNodeView node = under == null || under.isBlank() ? null
                : rooms.node(under.strip(), caller.scope()).orElseThrow(() -> new RosterNodeNotFound(under));
        String path = node == null ? null : node.path();
        if (full && !PersonRegistry.REVEALERS.contains(caller.role())) {
            events.publishEvent(new AuditEvent("PERSONS_EXPORTED", "PERSON_ROSTER", node == null ? null : node.code(),
                    path, Masking.scrub(purpose), AuditEvent.Result.DENIED, "role=" + caller.role(), null));
            throw new AccessDeniedException("full numbers need STATION_LEADER or COMMUNITY_OFFICER");
        }
        String why = full ? PersonInput.purpose(purpose) : null;
        AtomicInteger count = new AtomicInteger();
        String title = msg("population.roster.title", locale, node == null ? msg("population.roster.all", locale)
                : node.name(), LocalDate.now(PersonInput.CHINA)) + (full ? "" : msg("population.roster.masked", locale));
        try (Stream<List<Object>> rows = cursor.sql("""
                        select p.name, p.document_type, p.document_number, p.sex, p.birth_date, p.ethnicity,
                               (select ph.phone from population.person_phone ph where ph.person_id = p.id
                                order by ph.position limit 1),
                               r.address_label, r.node_code, r.residence_type, r.relationship, r.moved_in,
                               p.occupation, p.employer, p.tags
                        from population.residence r join population.person p on p.id = r.person_id
                        where r.moved_out is null and r.node_path <@ ?::ltree[]
                          and (cast(? as text) is null or r.node_path <@ cast(? as ltree))
                        order by r.node_path, r.residence_type <> 'OWNER', r.moved_in, p.id""")
                .param(caller.scope().sqlArray()).param(path).param(path)
                .query((rs, n) -> {
                    count.incrementAndGet();
                    DocumentType type = DocumentType.valueOf(rs.getString(2));
                    boolean idLike = type == DocumentType.RESIDENT_ID || type == DocumentType.HMT_RESIDENCE_PERMIT;
                    String number = rs.getString(3);
                    String phone = rs.getString(7);
                    Array tags = rs.getArray(15);
                    return List.<Object>of(rs.getString(1), msg(type.messageKey(), locale),
                            full ? number : idLike ? Masking.idNumber(number) : Masking.document(number),
                            Sex.fromCode(rs.getString(4)).map(s -> msg(s.messageKey(), locale)).orElse(""),
                            text(rs.getObject(5, LocalDate.class)),
                            rs.getString(6) == null ? "" : Ethnicity.fromCode(rs.getString(6))
                                    .map(e -> msg(e.messageKey(), locale)).orElse(rs.getString(6)),
                            phone == null ? "" : full ? phone : Masking.phone(phone),
                            rs.getString(8), rs.getString(9), msg("population.residenceType." + rs.getString(10), locale),
                            rs.getString(11) == null ? "" : Relationship.fromCode(rs.getString(11))
                                    .map(r -> msg(r.messageKey(), locale)).orElse(rs.getString(11)),
                            text(rs.getObject(12, LocalDate.class)), nz(rs.getString(13)), nz(rs.getString(14)),
                            tags == null ? "" : String.join("、", Arrays.asList((String[]) tags.getArray())));
                })
                .stream()) {
            workbooks.ledger(out.get(), msg("population.roster.sheet", locale), title,
                    HEADERS.stream().map(h -> msg("population.roster.column." + h, locale)).toList(),
                    () -> rows.<List<?>>map(r -> r).iterator());
        }
        events.publishEvent(new AuditEvent("PERSONS_EXPORTED", "PERSON_ROSTER", node == null ? null : node.code(),
                path, why, AuditEvent.Result.SUCCESS, "rows=" + count.get() + "; numbers=" + (full ? "full" : "masked"),
                null));
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A node that is not there for the caller: 404, like a missing one. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public static final class RosterNodeNotFound extends NotFound {
        RosterNodeNotFound(String code) {
            super("address", code);
        }
    }
}
