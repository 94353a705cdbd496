package org.beatbook.population.internal;

import org.beatbook.population.DivisionCodes;
import org.beatbook.population.DocumentNumber;
import org.beatbook.population.DocumentType;
import org.beatbook.population.Ethnicity;
import org.beatbook.population.PhoneNumber;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.Sex;
import org.beatbook.population.internal.PersonCommands.Details;
import org.beatbook.population.internal.PersonCommands.StartResidence;
import org.beatbook.population.internal.PersonViews.PersonSummary;
import org.beatbook.population.internal.PersonViews.PersonView;
import org.beatbook.population.internal.PersonViews.ResidenceView;
import org.beatbook.population.internal.PersonViews.VersionView;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The population tables, read and written with plain SQL (arrays, ltree and the GIN keys need it). */
@Component
class PersonStore {

    /** A person as stored, numbers unmasked: never leaves the module. */
    record PersonRow(long id, DocumentType documentType, String documentNumber, String name, List<String> formerNames,
                     Sex sex, Ethnicity ethnicity, LocalDate birthDate, List<String> phones, String householdDivision,
                     String occupation, String employer, List<String> tags, int version) {

        boolean idLike() {
            return documentType == DocumentType.RESIDENT_ID || documentType == DocumentType.HMT_RESIDENCE_PERMIT;
        }

        String maskedDocument() {
            return idLike() ? Masking.idNumber(documentNumber) : Masking.document(documentNumber);
        }

        List<String> maskedPhones() {
            return phones.stream().map(Masking::phone).toList();
        }
    }

    record ResidenceRow(long id, long personId, String nodeCode, String nodePath, LocalDate movedIn, LocalDate movedOut) { }

    private static final String PERSON_COLUMNS = """
            p.id, p.document_type, p.document_number, p.name, p.former_names, p.sex, p.ethnicity, p.birth_date,
            p.household_division, p.occupation, p.employer, p.tags, p.version,
            array(select ph.phone from population.person_phone ph where ph.person_id = p.id order by ph.position) as phones
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PersonStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<PersonRow> find(long id) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from population.person p where p.id = ?")
                .param(id).query(PersonStore::person).optional();
    }

    /** Locks the row for a change; empty when missing. */
    Optional<PersonRow> lock(long id) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from population.person p where p.id = ? for update of p")
                .param(id).query(PersonStore::person).optional();
    }

    /** The path of the person's first current residence inside {@code scope}; empty = out of scope (or missing). */
    Optional<String> scopePath(long personId, Scope scope) {
        return jdbc.sql("""
                        select node_path::text from population.residence
                        where person_id = ? and moved_out is null and node_path <@ ?::ltree[]
                        order by moved_in, id limit 1""")
                .param(personId).param(scope.sqlArray()).query(String.class).optional();
    }

    /** The survivor a merged-away record points at; empty for a live (or missing) record. */
    Optional<Long> mergedInto(long id) {
        return jdbc.sql("select merged_into from population.person where id = ? and merged_into is not null")
                .param(id).query(Long.class).optional();
    }

    long insert(DocumentNumber document, Details d) {
        SearchKeys keys = SearchKeys.of(d.name(), d.formerNames());
        long id = jdbc.sql("""
                        insert into population.person (document_type, document_number, name, former_names, sex, ethnicity,
                            birth_date, household_division, occupation, employer, tags, name_text, name_pieces, name_keys)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .param(document.type().name()).param(document.value()).param(d.name())
                .param(d.formerNames().toArray(String[]::new)).param(d.sex().code())
                .param(d.ethnicity() == null ? null : d.ethnicity().code()).param(d.birthDate())
                .param(d.householdDivision()).param(d.occupation()).param(d.employer())
                .param(d.tags().toArray(String[]::new)).param(keys.text()).param(keys.pieces()).param(keys.keys())
                .query(Long.class).single();
        replacePhones(id, d.phones());
        return id;
    }

    void update(PersonRow p) {
        SearchKeys keys = SearchKeys.of(p.name(), p.formerNames());
        jdbc.sql("""
                        update population.person set name = ?, former_names = ?, sex = ?, ethnicity = ?, birth_date = ?,
                            household_division = ?, occupation = ?, employer = ?, tags = ?, name_text = ?, name_pieces = ?,
                            name_keys = ?, updated_at = now()
                        where id = ?""")
                .param(p.name()).param(p.formerNames().toArray(String[]::new)).param(p.sex().code())
                .param(p.ethnicity() == null ? null : p.ethnicity().code()).param(p.birthDate())
                .param(p.householdDivision()).param(p.occupation()).param(p.employer())
                .param(p.tags().toArray(String[]::new)).param(keys.text()).param(keys.pieces()).param(keys.keys())
                .param(p.id()).update();
    }

    void replacePhones(long personId, List<PhoneNumber> phones) {
        jdbc.sql("delete from population.person_phone where person_id = ?").param(personId).update();
        for (int i = 0; i < phones.size(); i++) {
            jdbc.sql("insert into population.person_phone (person_id, position, phone) values (?, ?, ?)")
                    .param(personId).param(i).param(phones.get(i).value()).update();
        }
    }

    /** Adds the next version of a person (row bumped, history written); returns its number. */
    int recordVersion(long personId, String changedBy, String change, Map<String, Object> changes) {
        int version = jdbc.sql("update population.person set version = version + 1, updated_at = now() where id = ? returning version")
                .param(personId).query(Integer.class).single();
        writeVersion(personId, version, changedBy, change, changes);
        return version;
    }

    void writeVersion(long personId, int version, String changedBy, String change, Map<String, Object> changes) {
        jdbc.sql("insert into population.person_version (person_id, version, changed_by, change, changes) values (?, ?, ?, ?, ?::jsonb)")
                .param(personId).param(version).param(changedBy).param(change).param(json.writeValueAsString(changes))
                .update();
    }

    List<VersionView> versions(long personId) {
        return jdbc.sql("""
                        select version, changed_at, changed_by, change, changes::text from population.person_version
                        where person_id = ? order by version desc""")
                .param(personId)
                .query((rs, n) -> new VersionView(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    // ---- duplicates

    /** The person holding the document; for a record merged away, the survivor. */
    Optional<Long> byDocument(DocumentNumber document) {
        boolean idLike = document.type() == DocumentType.RESIDENT_ID || document.type() == DocumentType.HMT_RESIDENCE_PERMIT;
        return idLike
                ? jdbc.sql("""
                        select coalesce(merged_into, id) from population.person
                        where document_number = ? and document_type in ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT')""")
                .param(document.value()).query(Long.class).optional()
                : jdbc.sql("select coalesce(merged_into, id) from population.person where document_type = ? and document_number = ?")
                .param(document.type().name()).param(document.value()).query(Long.class).optional();
    }

    List<Long> byNameAndBirthDate(String name, LocalDate birthDate, Scope scope) {
        if (birthDate == null) {
            return List.of();
        }
        return jdbc.sql("""
                        select p.id from population.person p
                        where p.name = ? and p.birth_date = ?
                          and exists (select 1 from population.residence r where r.person_id = p.id and r.moved_out is null
                                      and r.node_path <@ ?::ltree[])
                        order by p.id limit 10""")
                .param(name).param(birthDate).param(scope.sqlArray()).query(Long.class).list();
    }

    List<Long> byPhones(List<PhoneNumber> phones, Scope scope) {
        if (phones.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct ph.person_id from population.person_phone ph
                        where ph.phone = any(?)
                          and exists (select 1 from population.residence r where r.person_id = ph.person_id
                                      and r.moved_out is null and r.node_path <@ ?::ltree[])
                        order by ph.person_id limit 10""")
                .param(phones.stream().map(PhoneNumber::value).toArray(String[]::new)).param(scope.sqlArray())
                .query(Long.class).list();
    }

    // ---- residences

    long insertResidence(long personId, Rooms.Room room, StartResidence r, String by) {
        return jdbc.sql("""
                        insert into population.residence (person_id, node_code, node_path, room_key, address_label,
                            residence_type, relationship, moved_in, started_by)
                        values (?, ?, ?::ltree, ?, ?, ?, ?, ?, ?) returning id""")
                .param(personId).param(room.code()).param(room.path()).param(room.key()).param(room.label())
                .param(r.type().name()).param(r.relationship() == null ? null : r.relationship().code())
                .param(r.moveIn()).param(by)
                .query(Long.class).single();
    }

    boolean livesIn(long personId, String nodeCode) {
        return jdbc.sql("select exists (select 1 from population.residence where person_id = ? and node_code = ? and moved_out is null)")
                .param(personId).param(nodeCode).query(Boolean.class).single();
    }

    Optional<ResidenceRow> residence(long personId, long residenceId) {
        return jdbc.sql("""
                        select id, person_id, node_code, node_path::text, moved_in, moved_out from population.residence
                        where id = ? and person_id = ?""")
                .param(residenceId).param(personId)
                .query((rs, n) -> new ResidenceRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
                .optional();
    }

    void endResidence(long residenceId, LocalDate movedOut, String by) {
        jdbc.sql("update population.residence set moved_out = ?, ended_at = now(), ended_by = ? where id = ? and moved_out is null")
                .param(movedOut).param(by).param(residenceId).update();
    }

    /** Records that an officer confirmed the current residence; false when it has ended meanwhile. */
    boolean verifyResidence(long residenceId, String by) {
        return jdbc.sql("update population.residence set verified_at = now(), verified_by = ? where id = ? and moved_out is null")
                .param(by).param(residenceId).update() == 1;
    }

    /** Every residence of the person, current ones first, then newest first. */
    List<ResidenceView> residences(long personId) {
        return jdbc.sql("""
                        select id, node_code, address_label, room_key, residence_type, relationship, moved_in, moved_out,
                               verified_at, verified_by, moved_out is null and %s as overdue
                        from population.residence r where person_id = ?
                        order by moved_out is not null, moved_in desc, id desc""".formatted(ResidentCounts.OVERDUE))
                .param(personId)
                .query((rs, n) -> new ResidenceView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ResidenceType.valueOf(rs.getString(5)),
                        rs.getString(6) == null ? null : Relationship.fromCode(rs.getString(6)).orElse(null),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(8) == null,
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), rs.getString(10),
                        rs.getBoolean(11)))
                .list();
    }

    /** Current occupants of a room, if the room is in scope. */
    List<PersonSummary> occupants(String roomCode, Scope scope) {
        return jdbc.sql("""
                        select p.id, p.name, p.document_type, p.document_number,
                               (select ph.phone from population.person_phone ph where ph.person_id = p.id order by ph.position limit 1),
                               r.node_code, r.address_label, r.residence_type
                        from population.residence r join population.person p on p.id = r.person_id
                        where r.node_code = ? and r.moved_out is null and r.node_path <@ ?::ltree[]
                        order by r.residence_type = 'OWNER' desc, r.moved_in, p.id""")
                .param(roomCode).param(scope.sqlArray()).query(PersonStore::summary).list();
    }

    PersonView view(PersonRow p) {
        String divisionName = p.householdDivision() == null ? null
                : DivisionCodes.table().name(p.householdDivision()).orElse(null);
        return new PersonView(p.id(), p.documentType().name(), p.maskedDocument(), p.name(), p.formerNames(), p.sex(),
                p.ethnicity(), p.birthDate(), p.maskedPhones(), p.householdDivision(), divisionName, p.occupation(),
                p.employer(), p.tags(), p.version(), residences(p.id()));
    }

    /** Columns: id, name, document_type, document_number, phone, node_code, address_label, residence_type. */
    static PersonSummary summary(ResultSet rs, int n) throws SQLException {
        DocumentType type = DocumentType.valueOf(rs.getString(3));
        String number = rs.getString(4);
        boolean idLike = type == DocumentType.RESIDENT_ID || type == DocumentType.HMT_RESIDENCE_PERMIT;
        return new PersonSummary(rs.getLong(1), rs.getString(2),
                idLike ? Masking.idNumber(number) : Masking.document(number), Masking.phone(rs.getString(5)),
                rs.getString(6), rs.getString(7), ResidenceType.valueOf(rs.getString(8)));
    }

    private static PersonRow person(ResultSet rs, int n) throws SQLException {
        Date birth = rs.getDate("birth_date");
        return new PersonRow(rs.getLong("id"), DocumentType.valueOf(rs.getString("document_type")),
                rs.getString("document_number"), rs.getString("name"), strings(rs.getArray("former_names")),
                Sex.fromCode(rs.getString("sex")).orElse(Sex.UNKNOWN),
                rs.getString("ethnicity") == null ? null : Ethnicity.fromCode(rs.getString("ethnicity")).orElse(null),
                birth == null ? null : birth.toLocalDate(), strings(rs.getArray("phones")),
                rs.getString("household_division"), rs.getString("occupation"), rs.getString("employer"),
                strings(rs.getArray("tags")), rs.getInt("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
