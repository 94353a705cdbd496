package org.beatbook.device.internal;

import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventFate;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The ingest pipeline (ADR 0007). Events are checked on the caller's thread; then a writer thread takes every
 * submission waiting, writes them in one transaction (events, counters, and every
 * {@link StoredEventsHandler#inTransaction}), commits, completes each caller's future with its fates, and only then
 * runs {@link StoredEventsHandler#afterCommit}. {@code beatbook.device.writers} threads (default 2) do this side by
 * side on their own connections, so one prepares its group while the other's is in the database; the event table's
 * primary key keeps every event stored once across them, and the rows both update (counters, daily volume) are
 * locked in one order (device, day and compound), so they wait for each other instead of deadlocking. With
 * {@code beatbook.device.group-commit=false} each submission is its own transaction on the caller's thread instead
 * (the comparison in docs/benchmarks.md).
 */
@Service
class GroupCommitWriter implements DeviceIngest, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

    private final BlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
    private final EventRules rules;
    private final EventStore store;
    private final DeviceCounters counters;
    private final ObjectProvider<StoredEventsHandler> handlers;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final DeviceProperties props;
    private final Clock clock;
    private volatile List<Thread> writers = List.of();
    private volatile boolean running;
    private volatile boolean groupCommit;

    GroupCommitWriter(EventStore store, DeviceCounters counters, ObjectProvider<StoredEventsHandler> handlers,
                      TransactionTemplate tx, MessageSource messages, DeviceProperties props, Clock deviceClock) {
        this.rules = new EventRules(props.clockSkew(), props.retention());
        this.store = store;
        this.counters = counters;
        this.handlers = handlers;
        this.tx = tx;
        this.messages = messages;
        this.props = props;
        this.clock = deviceClock;
        this.groupCommit = props.groupCommit();
    }

    /** Switches between group commit and one transaction per submission (the benchmark compares both). */
    void groupCommit(boolean on) {
        groupCommit = on;
    }

    @Override
    public CompletableFuture<List<EventFate>> submit(DeviceRef device, List<IncomingEvent> events, Locale locale) {
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " events per submission");
        }
        Instant now = clock.instant();
        EventFate[] fates = new EventFate[events.size()];
        List<CheckedEvent> checked = new ArrayList<>(events.size());
        int[] positions = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            IncomingEvent e = events.get(i);
            Object result = rules.check(e, now);
            if (result instanceof CheckedEvent c) {
                positions[checked.size()] = i;
                checked.add(c);
            } else {
                Rejection r = (Rejection) result;
                fates[i] = new EventFate(e.eventId(), EventFate.Outcome.REJECTED, r.field(),
                        messages.getMessage(r.messageKey(), r.args(), r.messageKey(), locale));
            }
        }
        Submission s = new Submission(device, checked, Arrays.copyOf(positions, checked.size()), fates,
                new CompletableFuture<>());
        if (groupCommit && running) {
            queue.add(s);
        } else {
            commit(List.of(s)); // also a submission with only rejects: the device is still seen
        }
        return s.done();
    }

    private void loop() {
        List<Submission> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.size();
                Submission next;
                while (events < props.maxGroupEvents() && (next = queue.poll()) != null) {
                    group.add(next);
                    events += next.size();
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("device event writer: unexpected failure", e);
            } finally {
                group.clear();
            }
        }
    }

    /** One transaction for the group; when it fails, each submission alone, so one bad one cannot sink the rest. */
    private void commit(List<Submission> group) {
        Instant received = clock.instant();
        List<StoredEvent> stored;
        try {
            stored = write(group, received);
        } catch (RuntimeException e) {
            if (group.size() > 1) {
                log.warn("device event group of {} submissions failed, retrying each alone: {}", group.size(),
                        e.toString());
                group.forEach(s -> commit(List.of(s)));
            } else {
                log.error("device events of {} could not be stored", group.get(0).device().deviceId(), e);
                group.get(0).done().completeExceptionally(e);
            }
            return;
        }
        for (Submission s : group) {
            s.done().complete(List.of(s.fates()));
        }
        if (!stored.isEmpty()) {
            handlers.orderedStream().forEach(h -> {
                try {
                    h.afterCommit(stored);
                } catch (RuntimeException e) {
                    log.error("StoredEventsHandler {} failed after commit", h.getClass().getName(), e);
                }
            });
        }
    }

    /** Optimistic first (no event of the group stored before); a resend in the group: again, sorting keys out. */
    private List<StoredEvent> write(List<Submission> group, Instant received) {
        try {
            return write(group, received, true);
        } catch (DuplicateKeyException e) {
            return write(group, received, false);
        }
    }

    /** One transaction: the events, their counters, and every handler's part. */
    private List<StoredEvent> write(List<Submission> group, Instant received, boolean optimistic) {
        return tx.execute(status -> {
            List<StoredEvent> s = store.write(group, received, optimistic);
            counters.record(group.stream().map(Submission::device).toList(), s, received);
            if (!s.isEmpty()) {
                List<StoredEvent> view = List.copyOf(s);
                handlers.orderedStream().forEach(h -> h.inTransaction(view));
            }
            return List.copyOf(s);
        });
    }

    @Override
    public void start() {
        running = true;
        List<Thread> started = new ArrayList<>();
        for (int i = 1; i <= props.writers(); i++) {
            Thread t = new Thread(this::loop, "device-event-writer-" + i);
            t.setDaemon(true);
            started.add(t);
            t.start();
        }
        writers = List.copyOf(started);
    }

    /** Stops taking new submissions into the queue and lets the writers drain what waits. */
    @Override
    public void stop() {
        running = false;
        for (Thread t : writers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
