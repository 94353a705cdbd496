package org.beatbook.shared.database;

/** Where the database is and, for the embedded one, the running server (closed with the context). */
record DatabaseTarget(String url, String user, String password, EmbeddedDatabase embedded) implements AutoCloseable {

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
