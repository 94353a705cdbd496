package org.beatbook.population.internal;

import org.beatbook.dashboard.CompoundFigures;
import org.beatbook.shared.security.Caller;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Statistics columns per compound: residents, owners and families, tenants, short-term guests, overdue checks. */
@Component
class ResidentsByCompound implements CompoundFigures {

    static final List<String> LABELS = List.of("population.figures.residents", "population.figures.ownersAndFamily",
            "population.figures.tenants", "population.figures.shortTermGuests", "population.figures.overdue");

    private final ResidentCounts counts;

    ResidentsByCompound(ResidentCounts counts) {
        this.counts = counts;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Columns> columns(Caller caller) {
        if (!caller.role().operational()) {
            return Optional.empty();
        }
        return Optional.of(new Columns(LABELS, counts.byCompound(caller.scope())));
    }
}
