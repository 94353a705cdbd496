package org.beatbook.exchange.internal;

import org.beatbook.exchange.internal.UpstreamClient.ObjectStatus;
import org.beatbook.exchange.internal.UpstreamFailure.Kind;
import org.beatbook.exchange.internal.ViidObjects.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drains the outbox to the platform on one thread: register, keep alive, push the oldest rows, back off on outage.
 * Rows left waiting (a retry, or rows queued before the event log) go first; when there are none, the next
 * sightings are taken from the device event log into the outbox ({@link LogFeed}, a short transaction of its own).
 * Each push is one transaction holding the pusher lock: the rows are read, sent, and marked from the platform's
 * per-object answer in it, so an acknowledgement is recorded exactly when the platform gave one; an outage or a
 * crash rolls back and the same rows (same object ids, made from the event's sequence number) go again later.
 */
@Component
class Pusher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Pusher.class);

    /** StatusCodes saying the object itself is wrong (invalid operation / format / content): resending cannot help. */
    private static final Set<String> PERMANENT = Set.of("4", "5", "6", "7", "8");

    enum Outcome { NOT_LEADER, IDLE, PARTIAL, FULL }

    private final ExchangeProperties props;
    private final UpstreamClient client;
    private final Outbox outbox;
    private final LogFeed feed;
    private final UpstreamState state;
    private final TransactionTemplate tx;
    private final ViidObjects objects;
    private final Backoff backoff;
    private volatile Thread thread;
    private boolean registered;
    private long lastKeepalive;

    Pusher(ExchangeProperties props, UpstreamClient client, Outbox outbox, LogFeed feed, UpstreamState state,
           TransactionTemplate tx) {
        this.props = props;
        this.client = client;
        this.outbox = outbox;
        this.feed = feed;
        this.state = state;
        this.tx = tx;
        this.objects = new ViidObjects(props.deviceId());
        this.backoff = new Backoff(props.backoffInitial(), props.backoffMax());
    }

    @Override
    public void start() {
        if (!props.enabled() || thread != null) {
            return;
        }
        Thread t = new Thread(this::run, "exchange-pusher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(props.requestTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            Duration wait;
            try {
                wait = step();
            } catch (RuntimeException e) { // the database, not the platform: log and try again later
                log.warn("exchange push failed: {}", e.toString());
                wait = backoff.next();
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One step of the loop; answers how long to wait before the next. */
    Duration step() {
        try {
            if (!registered) {
                client.register();
                registered = true;
                lastKeepalive = System.nanoTime();
                state.registered();
            } else if (System.nanoTime() - lastKeepalive >= props.keepaliveInterval().toNanos()) {
                client.keepalive();
                lastKeepalive = System.nanoTime();
            }
            Outcome o = pushOnce();
            backoff.reset();
            return o == Outcome.FULL ? Duration.ZERO : props.pollInterval();
        } catch (UpstreamFailure f) {
            state.failed(f);
            if (f.kind() == Kind.NOT_REGISTERED) {
                registered = false;
                if (backoff.failures() == 0) { // re-register at once, back off only if that keeps failing
                    backoff.next();
                    return Duration.ZERO;
                }
            }
            Duration wait = backoff.next();
            log.info("upstream: {} ({}); next try in {} ms", f.messageKey(), f.detail(), wait.toMillis());
            return wait;
        }
    }

    /** Pushes the oldest waiting rows of one collection, if this instance is the pusher. */
    Outcome pushOnce() throws UpstreamFailure {
        // Sightings are taken from the event log in a short transaction of their own, committed before the push: the
        // push's transaction then holds locks on the outbox alone, never on device.event, whose monthly partition
        // upkeep (and so every ingest writer) would otherwise wait behind a slow platform.
        tx.executeWithoutResult(status -> {
            if (outbox.lead() && !outbox.anyWaiting()) {
                feed.take(props.batchSize());
            }
        });
        try {
            return tx.execute(status -> {
                try {
                    return pushInTransaction();
                } catch (UpstreamFailure f) {
                    throw new Failed(f);
                }
            });
        } catch (Failed f) {
            throw f.failure;
        }
    }

    private Outcome pushInTransaction() throws UpstreamFailure {
        if (!outbox.lead()) {
            return Outcome.NOT_LEADER;
        }
        List<OutboxRow> rows = outbox.next(props.batchSize());
        if (rows.isEmpty()) {
            return Outcome.IDLE;
        }
        Collection collection = Collection.of(rows.get(0).kind());
        Map<String, ObjectStatus> answers = client.push(collection, objects.body(collection, rows));
        List<Long> acknowledged = new ArrayList<>();
        Map<Long, String> parked = new LinkedHashMap<>();
        Map<Long, String> retried = new LinkedHashMap<>();
        for (OutboxRow row : rows) {
            ObjectStatus s = answers.get(objects.objectId(row));
            if (s == null) {
                retried.put(row.id(), "no status for this object");
            } else if (s.ok()) {
                acknowledged.add(row.id());
            } else if (PERMANENT.contains(s.code())) {
                parked.put(row.id(), "StatusCode " + s.code() + " " + s.text());
            } else {
                retried.put(row.id(), "StatusCode " + s.code() + " " + s.text());
            }
        }
        outbox.acknowledge(acknowledged);
        outbox.park(parked);
        outbox.retry(retried, props.maxAttempts());
        state.succeeded();
        return rows.size() >= props.batchSize() ? Outcome.FULL : Outcome.PARTIAL;
    }

    /** Carries a checked failure out of the transaction callback (rolling it back). */
    private static final class Failed extends RuntimeException {
        final UpstreamFailure failure;

        Failed(UpstreamFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }
}
