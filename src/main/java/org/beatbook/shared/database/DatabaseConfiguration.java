package org.beatbook.shared.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * One place decides which PostgreSQL Beatbook uses: the external one named by
 * {@code BEATBOOK_DB_URL}, or else the embedded one under {@code BEATBOOK_HOME}.
 * Migrations run as the configured (owning) user; the application's pool runs every
 * connection as the restricted role {@code beatbook_app}, which cannot alter the audit log.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String APP_ROLE = "beatbook_app";

    @Bean
    DatabaseTarget databaseTarget(DatabaseProperties props) {
        if (props.external() && props.ephemeral()) {
            return ThrowAwayDatabase.create(props.url(), props.user(), props.password());
        }
        if (props.external()) {
            return new DatabaseTarget(props.url(), props.user(), props.password(), null, null);
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(props.home()).resolve("pgdata"), props.port(), props.ephemeral());
        return new DatabaseTarget(db.jdbcUrl("postgres"), "postgres", "", db, null);
    }

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseTarget target, DatabaseProperties props) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("beatbook");
        config.setJdbcUrl(target.url());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(props.poolSize());
        config.setConnectionInitSql("SET ROLE " + APP_ROLE);
        // the role is created by the first migration, which runs after the pool exists
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", "beatbook");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(DatabaseTarget target) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), target.url(), target.user(), target.password());
    }
}
