package org.beatbook.address.internal;

import java.util.List;

/**
 * Why a row of an import was rejected: the sheet row (1-based), the column's field name (null for the whole
 * row), the message key and its arguments. An argument written {@code msg:key} is itself a message key.
 */
public record ImportProblem(int row, String column, String key, List<String> args) {

    public ImportProblem {
        args = List.copyOf(args);
    }

    static ImportProblem of(int row, String column, String key, Object... args) {
        return new ImportProblem(row, column, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
