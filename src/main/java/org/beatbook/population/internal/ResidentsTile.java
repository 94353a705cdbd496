package org.beatbook.population.internal;

import org.beatbook.dashboard.HomeTile;
import org.beatbook.population.ResidenceType;
import org.beatbook.shared.security.Caller;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The home page's resident figures within the caller's jurisdiction, each leading to the search so filtered. */
@Component
class ResidentsTile implements HomeTile {

    private final ResidentCounts counts;

    ResidentsTile(ResidentCounts counts) {
        this.counts = counts;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Section> section(Caller caller) {
        if (!caller.role().operational()) {
            return Optional.empty();
        }
        ResidentCounts.Totals t = counts.totals(caller.scope());
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("population.tile.residents", t.residents(), "/persons"));
        for (ResidenceType type : ResidenceType.values()) {
            figures.add(new Figure("population.residenceType." + type.name(), t.byType().get(type),
                    search("residenceType", type.name())));
        }
        figures.add(new Figure("population.tile.needsCare", t.needsCare(), search("tag", ResidentCounts.NEEDS_CARE)));
        figures.add(new Figure("population.tile.livingAlone", t.livingAlone(),
                search("tag", ResidentCounts.LIVING_ALONE)));
        figures.add(new Figure("population.tile.overdue", t.overdue(), search("unverified", "true")));
        return Optional.of(new Section("population.tile.section", figures));
    }

    private static String search(String param, String value) {
        return UriComponentsBuilder.fromPath("/persons").queryParam(param, value).encode().build().toUriString();
    }
}
