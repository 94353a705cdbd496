package org.beatbook.dashboard;

import org.beatbook.shared.security.Caller;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Columns of the per-compound statistics page (/statistics): a module adds some by declaring a bean that implements
 * this. The page shows one row per compound within the caller's jurisdiction and every contributor's columns,
 * ordered by {@link #order()}; a contributor that fails is left out (and logged).
 */
public interface CompoundFigures {

    /** Position among the contributors, ascending. */
    int order();

    /**
     * This module's columns for {@code caller}, counted within {@code caller.scope()} only and grouped by the
     * compound-level (小区) ancestor of each record's address node; empty when the caller's role does not see them.
     * Records not under any compound (e.g. at a school or the station) are grouped under the key {@code ""}.
     */
    Optional<Columns> columns(Caller caller);

    /**
     * @param labelKeys message keys of the column headings, in display order
     * @param values    per compound node code: one value per column, in the order of {@code labelKeys}
     */
    record Columns(List<String> labelKeys, Map<String, long[]> values) {
        public Columns {
            labelKeys = List.copyOf(labelKeys);
            values = Map.copyOf(values);
        }
    }
}
