package org.beatbook.shared.spreadsheet;

import java.util.Arrays;
import java.util.List;

/**
 * Why a row of an import was rejected: the sheet row (1-based), the column's field name (null for the whole row),
 * the message key and its arguments. An argument written {@code msg:key} is itself a message key.
 */
public record RowProblem(int row, String field, String key, List<String> args) {

    public RowProblem {
        args = List.copyOf(args);
    }

    public static RowProblem of(int row, String field, String key, Object... args) {
        return new RowProblem(row, field, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
