package org.beatbook.shared.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * For tests against an external server: a fresh database per application context, so test classes
 * never see each other's rows, dropped again when the context closes.
 */
final class ThrowAwayDatabase {

    private ThrowAwayDatabase() {
    }

    static DatabaseTarget create(String url, String user, String password) {
        String name = "beatbook_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(url, user, password, "CREATE DATABASE " + name);
        String dbUrl = withDatabase(url, name);
        return new DatabaseTarget(dbUrl, user, password, null,
                () -> execute(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** Replaces the database name of a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + params;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("External PostgreSQL refused: " + sql, e);
        }
    }
}
