package org.beatbook.shared.spreadsheet;

import java.util.Locale;

/**
 * A column of an import template.
 *
 * @param field    the API field name (also accepted as the header, case-insensitively), e.g. {@code idNumber}
 * @param header   the Chinese header the template carries, e.g. 公民身份号码
 * @param required whether a file without this column is refused outright
 * @param text     whether the template formats the column as text (codes, ID numbers, phones: no 3.4E+17)
 * @param width    column width in characters in the template
 */
public record SheetColumn(String field, String header, boolean required, boolean text, int width) {

    public static SheetColumn required(String field, String header) {
        return new SheetColumn(field, header, true, false, 16);
    }

    public static SheetColumn optional(String field, String header) {
        return new SheetColumn(field, header, false, false, 16);
    }

    /** The same column, formatted as text in the template. */
    public SheetColumn asText() {
        return new SheetColumn(field, header, required, true, width);
    }

    public SheetColumn width(int chars) {
        return new SheetColumn(field, header, required, text, chars);
    }

    /** The typed header names this column: blanks, asterisks, case and full-width brackets do not matter. */
    boolean matches(String typedHeader) {
        String h = normal(typedHeader);
        return h.equals(normal(header)) || h.equals(field.toLowerCase(Locale.ROOT));
    }

    private static String normal(String header) {
        return header.replaceAll("[\\s*＊]", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }
}
