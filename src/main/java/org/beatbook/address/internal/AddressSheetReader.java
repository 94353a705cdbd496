package org.beatbook.address.internal;

import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetReader;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the address sheet (the first sheet) of an uploaded xlsx with the shared {@link SheetReader}: columns are
 * found by their header (Chinese or English), so their order is free.
 */
public final class AddressSheetReader {

    /** The columns, in template order, with their Chinese and English headers. */
    public enum Column {
        CODE("编码", "code"), PARENT_CODE("上级编码", "parentCode"), LEVEL("层级", "level"), NAME("名称", "name"),
        CATEGORY("类别", "category"), LATITUDE("纬度", "latitude"), LONGITUDE("经度", "longitude");

        public final String header;
        public final String field;

        Column(String header, String field) {
            this.header = header;
            this.field = field;
        }
    }

    /** A data row as typed: 1-based sheet row number and the raw text of each column (null when empty). */
    public record RawRow(int row, String[] cells) {
        public String get(Column c) {
            return cells[c.ordinal()];
        }
    }

    /** The template's columns for the shared reader and the shared upload page. */
    public static final List<SheetColumn> COLUMNS = Arrays.stream(Column.values())
            .map(c -> new SheetColumn(c.field, c.header,
                    c == Column.PARENT_CODE || c == Column.LEVEL || c == Column.NAME, false, 16))
            .toList();

    private AddressSheetReader() {
    }

    public static List<RawRow> read(Path file, int maxRows) {
        return SheetReader.read(file, COLUMNS, maxRows).stream()
                .map(r -> new RawRow(r.row(), r.cells().toArray(String[]::new)))
                .toList();
    }
}
