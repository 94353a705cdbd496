package org.beatbook.access;

import org.beatbook.shared.security.Role;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static org.beatbook.shared.security.Role.COMMUNITY_OFFICER;
import static org.beatbook.shared.security.Role.STATION_LEADER;

/**
 * Empty import runs of one kind (as {@code /api/v1/imports/{kind}} names it), one per role that may import, written
 * once per fixture: the ids a report endpoint is called with (the caller's own run, another user's, none).
 */
final class EmptyImportRuns {

    private static final Map<String, Map<Role, String>> RUNS = new HashMap<>();
    private static AccessFixture runsFor;

    private EmptyImportRuns() {
    }

    static synchronized Function<Role, AccessRule.Ids> of(AccessFixture f, String kind, Set<Role> importers) {
        if (runsFor != f) {
            RUNS.clear();
            runsFor = f;
        }
        Map<Role, String> runs = RUNS.computeIfAbsent(kind, k -> {
            Map<Role, String> byRole = new EnumMap<>(Role.class);
            for (Role role : importers) {
                String id = UUID.randomUUID().toString();
                AccessFixture.Builder.sharedJdbc.sql("""
                        INSERT INTO import_run (id, kind, username, file_name, created_at, rows_read, created, unchanged,
                                                updated, rejected, problems)
                        VALUES (?::uuid, ?, ?, 'empty.xlsx', now(), 0, 0, 0, 0, 0, '[]')""")
                        .param(id).param(k).param(f.users().get(role).username()).update();
                byRole.put(role, id);
            }
            return byRole;
        });
        return role -> new AccessRule.Ids(runs.getOrDefault(role, runs.get(COMMUNITY_OFFICER)),
                runs.get(role == COMMUNITY_OFFICER ? STATION_LEADER : COMMUNITY_OFFICER),
                "00000000-0000-4000-8000-000000000000");
    }
}
