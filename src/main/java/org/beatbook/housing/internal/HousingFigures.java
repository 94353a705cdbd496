package org.beatbook.housing.internal;

import org.beatbook.dashboard.CompoundFigures;
import org.beatbook.dashboard.HomeTile;
import org.beatbook.shared.security.Caller;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Houses on the home page (rented, short-term rentals, rental houses not verified for 90 days) and per compound on
 * the statistics page, for the operational roles, counted within the caller's jurisdiction.
 */
@Component
class HousingFigures implements HomeTile, CompoundFigures {

    private final HouseStore store;

    HousingFigures(HouseStore store) {
        this.store = store;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Section> section(Caller caller) {
        if (!caller.role().operational()) {
            return Optional.empty();
        }
        long rented = 0;
        long shortTerm = 0;
        long unverified = 0;
        for (long[] v : store.figures(caller.scope(), HouseInput.today()).values()) {
            rented += v[0];
            shortTerm += v[1];
            unverified += v[3];
        }
        return Optional.of(new Section("housing.home.title", List.of(
                new Figure("housing.figure.rented", rented, "/houses?usage=RENTED"),
                new Figure("housing.figure.shortTerm", shortTerm, "/houses?usage=SHORT_TERM_RENTAL"),
                new Figure("housing.figure.unverified", unverified, "/houses?unverified=true"))));
    }

    @Override
    public Optional<Columns> columns(Caller caller) {
        if (!caller.role().operational()) {
            return Optional.empty();
        }
        Map<String, long[]> values = store.figures(caller.scope(), HouseInput.today());
        return Optional.of(new Columns(List.of("housing.figure.rented", "housing.figure.shortTerm",
                "housing.figure.vacant", "housing.figure.unverified"), values));
    }
}
