package org.beatbook.audit.internal;

import org.beatbook.audit.internal.ChainVerification.Anchor;
import org.beatbook.audit.internal.ChainVerification.Problem;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beatbook.audit.AuditFixtures.event;
import static org.beatbook.audit.AuditFixtures.signedIn;
import static org.beatbook.audit.AuditFixtures.uniqueAction;

/** The log on real PostgreSQL: what gets written when, who may change it, and that tampering shows. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditLogIntegrationTests {

    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ChainVerifier verifier;
    @Autowired AuditReading reading;
    @Autowired MessageSource messages;
    @Autowired @Qualifier("flywayDataSource") DataSource owner;

    @AfterEach
    void clearContexts() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aRolledBackTransactionLeavesNoRow() {
        String action = uniqueAction("ROLLED_BACK");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.publishEvent(event(action));
            tx.setRollbackOnly();
        });
        assertThat(rows(action)).isEmpty();
    }

    @Test
    void aFailingChangeLeavesNoRow() {
        String action = uniqueAction("FAILED_CHANGE");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            events.publishEvent(event(action));
            throw new IllegalStateException("the change failed after publishing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(rows(action)).isEmpty();
    }

    @Test
    void aCommittedTransactionHasItsRowWithTheCallerAsActor() {
        String action = uniqueAction("COMMITTED");
        SecurityContextHolder.getContext().setAuthentication(signedIn(Role.COMMUNITY_OFFICER));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(
                new AuditEvent(action, "PERSON", "7", "340524.1", "核查", AuditEvent.Result.SUCCESS, "ok", "ignored")));
        assertThat(rows(action)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("community_officer1");
            assertThat(e.actorRole()).isEqualTo("COMMUNITY_OFFICER");
            assertThat(e.objectType()).isEqualTo("PERSON");
            assertThat(e.objectId()).isEqualTo("7");
            assertThat(e.scopePath()).isEqualTo("340524.1");
            assertThat(e.purpose()).isEqualTo("核查");
            assertThat(e.result()).isEqualTo(AuditEvent.Result.SUCCESS);
        });
    }

    @Test
    void withoutATransactionTheRowIsWrittenAnywayWithTheEventsActorAndClientAddress() {
        String action = uniqueAction("SIGN_IN");
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.2.3");
        request.addHeader("X-Forwarded-For", "6.6.6.6"); // no trusted proxy configured: not believed
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        events.publishEvent(new AuditEvent(action, "USER", null, null, null, AuditEvent.Result.FAILURE,
                "bad password", "wang"));
        assertThat(rows(action)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("wang");
            assertThat(e.actorRole()).isNull();
            assertThat(e.result()).isEqualTo(AuditEvent.Result.FAILURE);
            assertThat(e.clientAddress()).isEqualTo("10.1.2.3");
        });
    }

    @Test
    void aReadInsideAReadOnlyTransactionIsStillRecorded() {
        String action = uniqueAction("PERSON_READ");
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(tx -> events.publishEvent(event(action)));
        assertThat(rows(action)).hasSize(1);
    }

    @Test
    void severalEventsOfOneTransactionAreChainedInOrder() {
        String action = uniqueAction("BATCH");
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < 3; i++) {
                events.publishEvent(event(action).withDetail("n=" + i));
            }
        });
        List<AuditEntry> rows = rows(action);
        assertThat(rows).extracting(AuditEntry::detail).containsExactly("n=0", "n=1", "n=2");
        assertThat(rows.get(1).prevHash()).isEqualTo(rows.get(0).hash());
        assertThat(rows.get(2).prevHash()).isEqualTo(rows.get(1).hash());
    }

    @Test
    void masksIdNumbersAndPhonesAndStoresWhatItHashes() {
        String action = uniqueAction("MASKED");
        events.publishEvent(new AuditEvent(action, "PERSON", "34052419800101001X", null, "回访 13812345678",
                AuditEvent.Result.SUCCESS, "身份证 34052419800101001X 电话 +86 139-1234-5678 \u0000 end", null));
        AuditEntry e = rows(action).get(0);
        assertThat(e.objectId()).isEqualTo("340***********001X");
        assertThat(e.detail()).isEqualTo("身份证 340***********001X 电话 +86 139-****-5678 \uFFFD end");
        assertThat(e.purpose()).isEqualTo("回访 138****5678");
        String all = String.join("|", jdbc.sql("select concat_ws('|', object_id, purpose, detail) from audit.audit_log")
                .query(String.class).list());
        assertThat(all).doesNotContain("34052419800101001X", "13812345678", "13912345678");
        assertThat(verifier.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void theApplicationRoleCannotUpdateDeleteOrTruncate() {
        events.publishEvent(event(uniqueAction("PROTECTED")));
        for (String sql : List.of("update audit.audit_log set detail = 'forged'", "delete from audit.audit_log",
                "truncate audit.audit_log")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update())
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("permission denied for table audit_log")
                    .satisfies(t -> assertThat(((SQLException) t).getSQLState()).isEqualTo("42501"));
        }
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("beatbook_app");
    }

    @Test
    void theTriggerRefusesEvenTheOwner() throws SQLException {
        events.publishEvent(event(uniqueAction("PROTECTED")));
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getMetaData().getUserName()).isEqualTo("postgres");
            for (String sql : List.of("update audit.audit_log set detail = 'forged'", "delete from audit.audit_log",
                    "truncate audit.audit_log")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit.audit_log is append-only");
            }
        }
    }

    @Test
    void anAlteredRowIsReportedAtExactlyThatRow() throws SQLException {
        String action = uniqueAction("TAMPER");
        for (int i = 0; i < 5; i++) {
            events.publishEvent(event(action).withDetail("row " + i));
        }
        assertThat(verifier.verify(Optional.empty()).intact()).isTrue();
        AuditEntry victim = rows(action).get(2);
        asOwner("update audit.audit_log set detail = 'nothing to see' where id = " + victim.id());
        try {
            ChainVerification v = verifier.verify(Optional.empty());
            assertThat(v.intact()).isFalse();
            assertThat(v.brokenId()).isEqualTo(victim.id());
            assertThat(v.problem()).isEqualTo(Problem.CONTENT_ALTERED);
            assertThat(v.storedHash()).isEqualTo(victim.hash());
            assertThat(v.expectedHash()).isNotEqualTo(victim.hash()).hasSize(64);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = new AuditVerifyCommand(reading, messages, null)
                    .check(new PrintStream(out, true, StandardCharsets.UTF_8), Locale.ENGLISH);
            assertThat(code).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("BROKEN at entry " + victim.id(), "content was changed", victim.hash());
        } finally {
            asOwner("update audit.audit_log set detail = 'row 2' where id = " + victim.id());
        }
        assertThat(verifier.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void aRemovedRowBreaksTheLinkOfTheNextRow() throws SQLException {
        String action = uniqueAction("REMOVED");
        for (int i = 0; i < 3; i++) {
            events.publishEvent(event(action).withDetail("row " + i));
        }
        List<AuditEntry> rows = rows(action);
        AuditEntry removed = rows.get(1);
        asOwner("create table public.audit_keep as select * from audit.audit_log where id = " + removed.id()
                + "; delete from audit.audit_log where id = " + removed.id());
        try {
            ChainVerification v = verifier.verify(Optional.empty());
            assertThat(v.brokenId()).isEqualTo(rows.get(2).id());
            assertThat(v.problem()).isEqualTo(Problem.LINK_BROKEN);
        } finally {
            asOwner("insert into audit.audit_log select * from public.audit_keep; drop table public.audit_keep");
        }
        assertThat(verifier.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void anAnchorNotedEarlierMustStillMatch() {
        events.publishEvent(event(uniqueAction("ANCHORED")));
        ChainVerification first = verifier.verify(Optional.empty());
        assertThat(verifier.verify(Optional.of(new Anchor(first.headId(), first.headHash()))).intact()).isTrue();
        ChainVerification rewritten = verifier.verify(Optional.of(new Anchor(first.headId(), "ab".repeat(32))));
        assertThat(rewritten.intact()).isFalse();
        assertThat(rewritten.problem()).isEqualTo(Problem.ANCHOR_MISMATCH);
        assertThat(rewritten.brokenId()).isEqualTo(first.headId());
        ChainVerification gone = verifier.verify(Optional.of(new Anchor(Long.MAX_VALUE - 1, "ab".repeat(32))));
        assertThat(gone.problem()).isEqualTo(Problem.ANCHOR_MISMATCH);
    }

    @Test
    void theVerifyCommandPrintsAnIntactChainAndExitsZero() {
        events.publishEvent(event(uniqueAction("CLI")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new AuditVerifyCommand(reading, messages, null)
                .check(new PrintStream(out, true, StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE);
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("审计日志哈希链完整");
        assertThat(jdbc.sql("select actor from audit.audit_log where action = 'AUDIT_VERIFIED' order by id desc limit 1")
                .query(String.class).single()).startsWith("console:");
    }

    @Test
    void concurrentAppendersKeepOneUnbrokenChain() throws Exception {
        String action = uniqueAction("CONCURRENT");
        int threads = 8;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    TransactionTemplate tx = new TransactionTemplate(transactions);
                    for (int i = 0; i < perThread; i++) {
                        AuditEvent e = event(action).withDetail("t" + thread + " #" + i);
                        if (i % 2 == 0) {
                            tx.executeWithoutResult(s -> events.publishEvent(e)); // the publisher's transaction
                        } else {
                            events.publishEvent(e); // the listener's own
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows(action)).hasSize(threads * perThread);
        ChainVerification v = verifier.verify(Optional.empty());
        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.audit_log").query(Long.class).single()).isEqualTo(v.rows());
    }

    private List<AuditEntry> rows(String action) {
        List<AuditEntry> found = new ArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> reading.export(
                new AuditQuery(null, null, null, action, null, null, null, null, 50), found::add));
        java.util.Collections.reverse(found);
        return found;
    }

    private void asOwner(String sql) throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit.audit_log disable trigger audit_log_no_update_delete; " + sql
                    + "; alter table audit.audit_log enable trigger audit_log_no_update_delete");
        }
    }
}
