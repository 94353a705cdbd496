package org.beatbook.exchange.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeMoved;
import org.beatbook.address.AddressNodeView;
import org.beatbook.device.DeviceRef;
import org.beatbook.shared.security.Scope;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which compound a device's events count for: the compound-level ancestor (or self) of the device's node; a place
 * outside any compound (school, rail station) counts as its own. Looked up through the address API once per node and
 * cached; a move of the tree re-paths {@code exchange.compound} in the moving transaction and empties the cache
 * after it commits (a building moved to another compound then counts for its new compound).
 */
@Component
class Compounds {

    record Compound(String code, String path) { }

    private final AddressApi addresses;
    private final JdbcClient jdbc;
    private final Map<String, Compound> byNode = new ConcurrentHashMap<>();

    Compounds(AddressApi addresses, JdbcClient jdbc) {
        this.addresses = addresses;
        this.jdbc = jdbc;
    }

    Compound of(DeviceRef device) {
        return byNode.computeIfAbsent(device.nodeCode(), code -> resolve(device));
    }

    private Compound resolve(DeviceRef device) {
        String path = device.nodePath() != null ? device.nodePath()
                : addresses.scopeOf(List.of(device.nodeCode())).paths().stream().findFirst().orElse(device.nodeCode());
        // the whole tree the node hangs in: the device registry's path may be stale, its root is not
        Scope tree = new Scope(List.of(path.split("\\.", 2)[0]));
        List<AddressNodeView> chain = new ArrayList<>(addresses.ancestors(device.nodeCode(), tree));
        addresses.find(device.nodeCode(), tree).ifPresent(chain::add);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).level() == AddressLevel.COMPOUND) {
                return new Compound(chain.get(i).code(), chain.get(i).path());
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (chain.get(i).level() == AddressLevel.PLACE) {
                return new Compound(chain.get(i).code(), chain.get(i).path());
            }
        }
        return chain.isEmpty() ? new Compound(device.nodeCode(), path)
                : new Compound(chain.get(chain.size() - 1).code(), chain.get(chain.size() - 1).path());
    }

    @EventListener
    void repath(AddressNodeMoved moved) {
        jdbc.sql("""
                UPDATE exchange.compound
                   SET path = repath(path, CAST(:oldPath AS ltree), CAST(:newPath AS ltree))
                 WHERE path <@ CAST(:oldPath AS ltree)""")
                .param("newPath", moved.newPath()).param("oldPath", moved.oldPath()).update();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(AddressNodeMoved moved) {
        byNode.clear();
    }
}
