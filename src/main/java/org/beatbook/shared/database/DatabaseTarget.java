package org.beatbook.shared.database;

/**
 * Where the database is, and what to clean up when the application context closes: the embedded
 * server, or a throw-away database created on an external server for one test run.
 */
record DatabaseTarget(String url, String user, String password, EmbeddedDatabase embedded, Runnable cleanup)
        implements AutoCloseable {

    @Override
    public void close() {
        if (cleanup != null) {
            cleanup.run();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
