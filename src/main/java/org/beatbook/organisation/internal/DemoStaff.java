package org.beatbook.organisation.internal;

import org.beatbook.population.PopulationApi.CurrentResidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's residents who work at its units: each picked once, preferably from the unit's own compound (the shop
 * keeper lives upstairs), else from anywhere in the community (a teacher, a station worker). Reproducible from the
 * seed: the residents come in the population API's order and are shuffled with the given random.
 */
final class DemoStaff {

    private final Map<String, List<CurrentResidence>> byCompound = new HashMap<>();
    private final Map<String, Integer> next = new HashMap<>();
    private final List<CurrentResidence> everyone;
    private final Set<Long> taken = new HashSet<>();
    private int nextAnywhere;

    /** @param compounds the compound codes; a room belongs to the compound whose code its code starts with */
    DemoStaff(List<CurrentResidence> residents, List<String> compounds, Random random) {
        everyone = new ArrayList<>(residents);
        Collections.shuffle(everyone, random);
        for (CurrentResidence r : everyone) {
            for (String compound : compounds) {
                if (r.roomCode().startsWith(compound)) {
                    byCompound.computeIfAbsent(compound, k -> new ArrayList<>()).add(r);
                    break;
                }
            }
        }
    }

    /** A resident not yet picked, from {@code compound} when it has one left (null: anywhere); null when none is. */
    CurrentResidence pick(String compound) {
        List<CurrentResidence> local = compound == null ? null : byCompound.get(compound);
        if (local != null) {
            int i = next.getOrDefault(compound, 0);
            while (i < local.size() && taken.contains(local.get(i).personId())) {
                i++;
            }
            next.put(compound, i + 1);
            if (i < local.size()) {
                taken.add(local.get(i).personId());
                return local.get(i);
            }
        }
        while (nextAnywhere < everyone.size() && taken.contains(everyone.get(nextAnywhere).personId())) {
            nextAnywhere++;
        }
        if (nextAnywhere >= everyone.size()) {
            return null;
        }
        CurrentResidence r = everyone.get(nextAnywhere++);
        taken.add(r.personId());
        return r;
    }
}
