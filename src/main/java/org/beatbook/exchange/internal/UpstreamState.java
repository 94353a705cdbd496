package org.beatbook.exchange.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pusher's last news, in the database so every instance's status page shows it. */
@Repository
class UpstreamState {

    private final JdbcClient jdbc;

    UpstreamState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void registered() {
        jdbc.sql("UPDATE exchange.upstream_state SET registered_at = now() WHERE id = 1").update();
    }

    void succeeded() {
        jdbc.sql("UPDATE exchange.upstream_state SET last_success_at = now() WHERE id = 1").update();
    }

    void failed(UpstreamFailure f) {
        jdbc.sql("""
                UPDATE exchange.upstream_state SET last_error_at = now(), last_error_key = ?, last_error = ?
                 WHERE id = 1""").param(f.messageKey()).param(f.detail()).update();
    }
}
