package org.beatbook.population.internal;

import org.beatbook.population.PopulationApi;
import org.beatbook.population.ResidenceType;
import org.beatbook.shared.masking.Masking;
import org.beatbook.population.internal.PersonViews.PersonSummary;
import org.beatbook.shared.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link PopulationApi} over the person store. */
@Service
class PopulationFacade implements PopulationApi {

    private final PersonStore store;
    private final JdbcClient jdbc;

    PopulationFacade(PersonStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ResidentRef> find(long personId, Scope scope) {
        if (store.scopePath(personId, scope).isEmpty()) {
            return Optional.empty();
        }
        return store.find(personId).map(p -> {
            // the first current residence; a person living in two places shows the earlier one
            var current = store.residences(personId).stream().filter(PersonViews.ResidenceView::current).findFirst();
            return new ResidentRef(p.id(), p.name(), p.maskedDocument(),
                    p.maskedPhones().isEmpty() ? null : p.maskedPhones().get(0),
                    current.map(PersonViews.ResidenceView::addressCode).orElse(null),
                    current.map(PersonViews.ResidenceView::residenceType).orElse(null));
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> byIdNumbers(Collection<String> idNumbers, Scope scope) {
        Map<String, Long> found = new HashMap<>();
        if (idNumbers.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT p.document_number, coalesce(p.merged_into, p.id)
                          FROM population.person p
                         WHERE p.document_number = ANY(?) AND p.document_type IN ('RESIDENT_ID', 'HMT_RESIDENCE_PERMIT')
                           AND EXISTS (SELECT 1 FROM population.residence r
                                        WHERE r.person_id = coalesce(p.merged_into, p.id) AND r.moved_out IS NULL
                                          AND r.node_path <@ ?::ltree[])""")
                .param(idNumbers.toArray(String[]::new)).param(scope.sqlArray())
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResidentRef> occupants(String roomCode, Scope scope) {
        return store.occupants(roomCode, scope).stream().map(PopulationFacade::ref).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CurrentResidence> currentResidences(ResidenceType type, Scope scope) {
        return jdbc.sql("""
                        SELECT r.person_id, p.name, p.document_number, r.node_code, r.moved_in
                          FROM population.residence r JOIN population.person p ON p.id = r.person_id
                         WHERE r.moved_out IS NULL AND r.residence_type = ? AND r.node_path <@ ?::ltree[]
                         ORDER BY r.node_code, r.moved_in, r.person_id""")
                .param(type.name()).param(scope.sqlArray())
                .query((rs, i) -> new CurrentResidence(rs.getLong("person_id"), rs.getString("name"),
                        Masking.document(rs.getString("document_number")), rs.getString("node_code"),
                        rs.getDate("moved_in").toLocalDate()))
                .list();
    }

    private static ResidentRef ref(PersonSummary s) {
        return new ResidentRef(s.id(), s.name(), s.idNumber(), s.phone(), s.addressCode(), s.residenceType());
    }
}
