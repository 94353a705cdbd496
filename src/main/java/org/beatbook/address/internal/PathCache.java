package org.beatbook.address.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Code → current path of live nodes, for {@code scopeOf}, which identity calls on every request. Cleared
 * whenever paths or liveness change (move, retire, restore, create, import) — at once and again after commit,
 * so a reader never keeps a path from before a committed move. One instance per JVM: with several instances
 * behind a load balancer a move is seen by the others on their next miss (see docs/adr if that must tighten).
 */
@Component
class PathCache {

    private static final int MAX_ENTRIES = 200_000;
    private final Map<String, Optional<String>> paths = new ConcurrentHashMap<>();

    /** Paths of the given codes, loading the missing ones with {@code loader} (which leaves out unknown codes). */
    List<String> pathsOf(Collection<String> codes, Function<Collection<String>, Map<String, String>> loader) {
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (code != null && !paths.containsKey(code)) {
                missing.add(code);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, String> loaded = loader.apply(missing);
            if (paths.size() + missing.size() > MAX_ENTRIES) {
                paths.clear();
            }
            for (String code : missing) {
                paths.put(code, Optional.ofNullable(loaded.get(code)));
            }
        }
        List<String> result = new ArrayList<>();
        for (String code : codes) {
            Optional<String> p = code == null ? Optional.empty() : paths.getOrDefault(code, Optional.empty());
            p.ifPresent(path -> {
                if (!result.contains(path)) {
                    result.add(path);
                }
            });
        }
        return result;
    }

    void invalidate() {
        paths.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    paths.clear();
                }
            });
        }
    }
}
