package org.beatbook.shared.spreadsheet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import reports of every kind, readable again only by the user who ran the import. */
@Repository
public class ImportRuns {

    private static final TypeReference<List<RowProblem>> PROBLEMS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    ImportRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the report; call it in the import's transaction so report and rows commit together. */
    public void save(ImportReport r, String username) {
        jdbc.sql("""
                        INSERT INTO import_run (id, kind, username, file_name, created_at, rows_read, created,
                                                unchanged, updated, rejected, problems)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(r.id(), r.kind(), username, r.fileName(), Timestamp.from(r.at()), r.rows(), r.created(),
                        r.unchanged(), r.updated(), r.rejected(), json.writeValueAsString(r.problems()))
                .update();
    }

    /** The report of that kind, if {@code username} ran it. */
    public Optional<ImportReport> find(String kind, UUID id, String username) {
        return jdbc.sql("SELECT * FROM import_run WHERE id = ? AND kind = ? AND username = ?")
                .params(id, kind, username)
                .query((rs, i) -> new ImportReport(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("file_name"), rs.getTimestamp("created_at").toInstant(), rs.getInt("rows_read"),
                        rs.getInt("created"), rs.getInt("unchanged"), rs.getInt("updated"), rs.getInt("rejected"),
                        json.readValue(rs.getString("problems"), PROBLEMS)))
                .optional();
    }
}
