package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every {@link AuditEvent} into the chain, synchronously and in the publisher's transaction, so a
 * rolled-back change leaves no row and a committed one always has its row. The event is described at once
 * (caller, client address, time, masking) but appended just before the transaction commits: the chain lock
 * is then held only for the append and the commit, not for the rest of the publisher's work.
 * Without a transaction (a failed sign-in) the listener's own transaction does the same.
 * Inside a read-only transaction (reads of personal data) the row is written in a new transaction at once:
 * a read cannot be rolled back, and a read-only transaction cannot insert.
 */
@Component
class AuditRecorder {

    static final int MAX_DETAIL = 2000;
    static final int MAX_FIELD = 256;

    private final AuditLog log;
    private final ClientAddress clientAddress;
    private final TransactionTemplate separate;

    AuditRecorder(AuditLog log, ClientAddress clientAddress, PlatformTransactionManager transactions) {
        this.log = log;
        this.clientAddress = clientAddress;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(AuditEvent event) {
        NewEntry entry = describe(event);
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            separate.executeWithoutResult(tx -> log.append(List.of(entry)));
            return;
        }
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (isolation != null && isolation > TransactionDefinition.ISOLATION_READ_COMMITTED) {
            // a snapshot older than the lock would read a stale head and fork the chain
            throw new IllegalStateException("AuditEvent published inside a REPEATABLE READ/SERIALIZABLE transaction; "
                    + "publish it from a READ COMMITTED one");
        }
        pending().add(entry);
    }

    NewEntry describe(AuditEvent e) {
        Caller caller = Caller.find().orElse(null);
        String actor = caller != null ? caller.username() : PersonalDataMask.mask(e.actor());
        String role = caller != null ? caller.role().name() : null;
        return new NewEntry(ChainHash.storable(Instant.now()),
                clean(actor, MAX_FIELD), clean(role, MAX_FIELD),
                clean(e.action() == null ? "UNSPECIFIED" : e.action(), MAX_FIELD),
                clean(e.objectType(), MAX_FIELD),
                clean(PersonalDataMask.mask(e.objectId()), MAX_FIELD),
                clean(e.scopePath(), MAX_FIELD),
                clean(PersonalDataMask.mask(e.purpose()), MAX_DETAIL),
                e.result() == null ? AuditEvent.Result.SUCCESS : e.result(),
                clean(PersonalDataMask.mask(e.detail()), MAX_DETAIL),
                clean(clientAddress.current(), MAX_FIELD));
    }

    /**
     * Stores exactly what is hashed: PostgreSQL text holds no NUL, and an unpaired surrogate would be
     * changed by the driver's UTF-8 encoding after hashing, so both are replaced first.
     */
    static String clean(String value, int max) {
        if (value == null) {
            return null;
        }
        String s = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace('\0', '\uFFFD');
        if (s.length() > max) {
            int cut = Character.isHighSurrogate(s.charAt(max - 2)) ? max - 2 : max - 1;
            s = s.substring(0, cut) + "…";
        }
        return s;
    }

    private List<NewEntry> pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending.entries();
    }

    /** The rows of one transaction, appended in one go just before it commits. */
    private final class Pending implements TransactionSynchronization {
        private final Object key;
        private final List<NewEntry> entries = new ArrayList<>();
        private boolean appended;

        Pending(Object key) {
            this.key = key;
        }

        List<NewEntry> entries() {
            // an event published by another synchronization after ours ran is appended at once
            return appended ? new AppendNow() : entries;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            log.append(entries);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }

    private final class AppendNow extends ArrayList<NewEntry> {
        @Override
        public boolean add(NewEntry e) {
            log.append(List.of(e));
            return true;
        }
    }
}
