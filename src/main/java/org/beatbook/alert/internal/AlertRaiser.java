package org.beatbook.alert.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressNodeRenamed;
import org.beatbook.address.AddressNodeView;
import org.beatbook.alert.AlertRaised;
import org.beatbook.shared.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns hits into alert rows and pushes them to the live stream after the commit. Hits from the ingest writer are
 * written in the writer's transaction behind a savepoint: should that fail, the events still commit and the hits are
 * raised after the commit on one thread of the raiser's own. The unique (rule, event) key makes a repeated hit a
 * no-op, so one event never raises two alerts of one rule.
 */
@Component
class AlertRaiser implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertRaiser.class);

    private final AlertStore store;
    private final AddressApi addresses;
    private final AlertStream stream;
    private final TransactionTemplate tx;
    private final TransactionTemplate nested;
    private final ApplicationEventPublisher events;
    private final Map<String, String> placeNames = new ConcurrentHashMap<>();
    private final ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "alert-raiser");
                t.setDaemon(true);
                return t;
            });

    AlertRaiser(AlertStore store, AddressApi addresses, AlertStream stream, PlatformTransactionManager transactions,
                ApplicationEventPublisher events) {
        this.store = store;
        this.addresses = addresses;
        this.stream = stream;
        this.tx = new TransactionTemplate(transactions);
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
    }

    /**
     * Inside the ingest writer's transaction: inserts the alerts behind a savepoint, so they commit with their
     * events. If the insert fails, the savepoint is rolled back, the events still commit, and the hits are raised
     * after the commit instead (logged).
     */
    void raiseWithEvents(List<Hit> hits) {
        try {
            nested.executeWithoutResult(s -> raiseNow(hits));
        } catch (RuntimeException e) {
            log.error("could not write {} alert(s) with their events; raising them after the commit", hits.size(), e);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    raiseLater(hits);
                }
            });
        }
    }

    /** Queues the hits; returns at once. */
    void raiseLater(List<Hit> hits) {
        executor.execute(() -> {
            try {
                tx.executeWithoutResult(s -> raiseNow(hits));
            } catch (RuntimeException e) {
                log.error("could not raise {} alert(s)", hits.size(), e);
            }
        });
    }

    /** Inserts the alerts in the current transaction; they go live when it commits. */
    void raiseNow(List<Hit> hits) {
        Map<String, String> places = new HashMap<>();
        for (Hit h : hits) {
            places.put(h.device().nodeCode(), place(h.device().nodeCode(), h.device().nodePath()));
        }
        List<Long> ids = store.insert(hits, places);
        if (ids.isEmpty()) {
            return;
        }
        List<AlertView> raised = store.byIds(ids);
        for (AlertView v : raised) {
            events.publishEvent(new AlertRaised(v.id(), v.rule(), v.nodeCode(), v.nodePath(), v.occurredAt()));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    raised.forEach(stream::raised);
                }
            });
        } else {
            raised.forEach(stream::raised);
        }
    }

    private String place(String code, String path) {
        return placeNames.computeIfAbsent(code, c -> addresses.find(c, new Scope(List.of(path)))
                .map(AddressNodeView::name).orElse(c));
    }

    /** New alerts at a renamed node carry its new name: the name is read again once the rename has committed. */
    @TransactionalEventListener(fallbackExecution = true)
    void forget(AddressNodeRenamed renamed) {
        placeNames.remove(renamed.code());
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
