package org.beatbook.shared.spreadsheet;

import java.util.List;

/**
 * A data row as typed: its 1-based sheet row number and the stripped text of each template column, in the order the
 * columns were given to {@link SheetReader} (null when the cell is empty or the column is absent).
 */
public record SheetRow(int row, List<String> cells) {

    /** The cell of the column at {@code index} in the column list. */
    public String get(int index) {
        return cells.get(index);
    }
}
