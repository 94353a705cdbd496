package org.beatbook.shared.database;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ThrowAwayDatabaseTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://127.0.0.1:5432/postgres        | jdbc:postgresql://127.0.0.1:5432/x
            jdbc:postgresql://127.0.0.1:5432/test?ssl=false   | jdbc:postgresql://127.0.0.1:5432/x?ssl=false
            jdbc:postgresql://db.example:5432                 | jdbc:postgresql://db.example:5432/x
            """)
    void swapsOnlyTheDatabaseName(String url, String expected) {
        assertThat(ThrowAwayDatabase.withDatabase(url, "x")).isEqualTo(expected);
    }
}
