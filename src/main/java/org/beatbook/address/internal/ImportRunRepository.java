package org.beatbook.address.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import reports, readable again only by the user who ran the import. */
@Repository
class ImportRunRepository {

    private static final TypeReference<List<ImportProblem>> PROBLEMS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
    }

    void save(ImportReport r, String username) {
        jdbc.sql("""
                        INSERT INTO address.import_run (id, username, file_name, created_at, rows_read, created,
                                                        unchanged, updated, rejected, problems)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(r.id(), username, r.fileName(), Timestamp.from(r.at()), r.rows(), r.created(), r.unchanged(),
                        r.updated(), r.rejected(), json.writeValueAsString(r.problems()))
                .update();
    }

    Optional<ImportReport> find(UUID id, String username) {
        return jdbc.sql("SELECT * FROM address.import_run WHERE id = ? AND username = ?")
                .param(id).param(username)
                .query((rs, i) -> new ImportReport(rs.getObject("id", UUID.class), rs.getString("file_name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getInt("rows_read"), rs.getInt("created"),
                        rs.getInt("unchanged"), rs.getInt("updated"), rs.getInt("rejected"),
                        json.readValue(rs.getString("problems"), PROBLEMS)))
                .optional();
    }
}
