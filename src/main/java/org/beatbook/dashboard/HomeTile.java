package org.beatbook.dashboard;

import org.beatbook.shared.security.Caller;

import java.util.List;
import java.util.Optional;

/**
 * A section of figures on the home page. A module adds one by declaring a bean that implements this; the home page
 * shows every section the caller may see, ordered by {@link #order()}. A section that fails is left out (and logged)
 * so one module cannot break the home page.
 */
public interface HomeTile {

    /** Position among the home page's sections, ascending. */
    int order();

    /**
     * This tile's figures for {@code caller}, counted within {@code caller.scope()} only; empty when the caller's
     * role does not see them.
     */
    Optional<Section> section(Caller caller);

    /**
     * @param titleKey message key of the section heading
     * @param figures  the tiles, in display order
     */
    record Section(String titleKey, List<Figure> figures) {
        public Section {
            figures = List.copyOf(figures);
        }
    }

    /**
     * One {@code .stat} tile.
     *
     * @param labelKey message key of the label under the number
     * @param value    the number
     * @param href     where tapping the tile leads; may be null
     */
    record Figure(String labelKey, long value, String href) { }
}
