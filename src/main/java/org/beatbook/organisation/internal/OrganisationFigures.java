package org.beatbook.organisation.internal;

import org.beatbook.dashboard.CompoundFigures;
import org.beatbook.dashboard.HomeTile;
import org.beatbook.shared.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Operating organisations within the caller's scope: by type on the home page, per compound on /statistics. */
@Component
class OrganisationFigures implements HomeTile, CompoundFigures {

    private final JdbcClient jdbc;

    OrganisationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Section> section(Caller caller) {
        if (!caller.role().operational()) {
            return Optional.empty();
        }
        Map<OrganisationType, Long> byType = new EnumMap<>(OrganisationType.class);
        jdbc.sql("""
                        SELECT org_type, count(*) FROM organisation.organisation
                         WHERE node_path <@ CAST(? AS ltree[]) AND status = 'OPERATING' GROUP BY org_type""")
                .param(caller.scope().sqlArray())
                .query(rs -> {
                    byType.put(OrganisationType.valueOf(rs.getString(1)), rs.getLong(2));
                });
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("organisation.figures.all", byType.values().stream().mapToLong(Long::longValue).sum(),
                "/organisations"));
        for (OrganisationType t : OrganisationType.values()) {
            long n = byType.getOrDefault(t, 0L);
            if (n > 0) {
                figures.add(new Figure(t.messageKey(), n, "/organisations?type=" + t.name()));
            }
        }
        return Optional.of(new Section("organisation.figures.title", figures));
    }

    @Override
    public Optional<Columns> columns(Caller caller) {
        if (!caller.role().operational()) {
            return Optional.empty();
        }
        Map<String, long[]> values = new HashMap<>();
        jdbc.sql("""
                        SELECT coalesce(compound_code, ''), count(*), count(*) FILTER (WHERE org_type = 'SHOP')
                          FROM organisation.organisation
                         WHERE node_path <@ CAST(? AS ltree[]) AND status = 'OPERATING'
                         GROUP BY 1""")
                .param(caller.scope().sqlArray())
                .query(rs -> {
                    values.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                });
        return Optional.of(new Columns(List.of("organisation.figures.all", "organisation.figures.shops"), values));
    }
}
