package org.beatbook.population.internal;

import org.beatbook.population.DocumentType;
import org.beatbook.population.PersonDirectory;
import org.beatbook.shared.masking.Masking;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PersonDirectory} over the person and residence tables. */
@Component
class PersonCards implements PersonDirectory {

    private final JdbcClient jdbc;

    PersonCards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonCard> find(long personId, Scope scope) {
        List<Home> homes = jdbc.sql("""
                        SELECT node_code, node_path::text, address_label FROM population.residence
                         WHERE person_id = ? AND moved_out IS NULL AND node_path <@ ?::ltree[] ORDER BY id""")
                .param(personId).param(scope.sqlArray())
                .query((rs, n) -> new Home(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        if (homes.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT name, document_type, document_number FROM population.person WHERE id = ?")
                .param(personId)
                .query((rs, n) -> new PersonCard(personId, rs.getString(1),
                        masked(rs.getString(2), rs.getString(3)), homes))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> personIds) {
        Map<Long, String> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT id, name FROM population.person WHERE id = ANY(?)")
                .param(personIds.toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    private static String masked(String type, String number) {
        DocumentType t = DocumentType.valueOf(type);
        boolean idLike = t == DocumentType.RESIDENT_ID || t == DocumentType.HMT_RESIDENCE_PERMIT;
        return idLike ? Masking.idNumber(number) : Masking.document(number);
    }
}
