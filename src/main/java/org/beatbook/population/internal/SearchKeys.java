package org.beatbook.population.internal;

import org.beatbook.population.NameKeys;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The stored search keys of a person: name and former names together. */
record SearchKeys(String text, String[] pieces, String[] keys) {

    static SearchKeys of(String name, List<String> formerNames) {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(formerNames);
        Set<String> pieces = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String n : names) {
            NameKeys.Keys k = NameKeys.of(n);
            pieces.addAll(k.pieces());
            keys.addAll(k.fullPinyin());
            keys.addAll(k.initials());
        }
        return new SearchKeys(String.join(" ", names), pieces.toArray(String[]::new), keys.toArray(String[]::new));
    }
}
