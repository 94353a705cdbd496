package org.beatbook;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class BeatbookApplicationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgresAsTheRestrictedApplicationRole() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("beatbook_app");
        assertThat(jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single())
                .isGreaterThanOrEqualTo(150000);
    }
}
