package org.beatbook.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param home     BEATBOOK_HOME: where the embedded database and generated files live
 * @param url      BEATBOOK_DB_URL: an external PostgreSQL; blank means embedded
 * @param port     fixed port for the embedded server; 0 picks a free one
 * @param poolSize connections in the application pool
 * @param ephemeral delete the embedded data directory when the application stops (tests); with an
 *                  external server, run in a fresh database created for this run and dropped at the end
 */
@ConfigurationProperties(prefix = "beatbook.db")
record DatabaseProperties(@DefaultValue("./data") String home, String url, String user, String password,
                          @DefaultValue("0") int port, @DefaultValue("16") int poolSize, boolean ephemeral) {

    boolean external() {
        return url != null && !url.isBlank();
    }
}
