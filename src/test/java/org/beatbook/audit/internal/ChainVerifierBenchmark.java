package org.beatbook.audit.internal;

import org.beatbook.shared.AuditEvent.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite: {@code ./mvnw -o -q test -Dtest=ChainVerifierBenchmark -Dbeatbook.bench=true
 * -Dbeatbook.bench.rows=1000000} appends that many rows and times a full verification (results in
 * docs/benchmarks.md, "Audit chain verification").
 */
@SpringBootTest
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "beatbook.bench", matches = "true")
class ChainVerifierBenchmark {

    @Autowired AuditLog log;
    @Autowired ChainVerifier verifier;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void verifiesAMillionRowsStreaming() {
        int rows = Integer.getInteger("beatbook.bench.rows", 1_000_000);
        int batch = 5000;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long t0 = System.nanoTime();
        for (int done = 0; done < rows; done += batch) {
            List<NewEntry> entries = new ArrayList<>(batch);
            for (int i = 0; i < batch && done + i < rows; i++) {
                entries.add(new NewEntry(ChainHash.storable(Instant.now()), "officer" + (i % 50), "COMMUNITY_OFFICER",
                        "PERSON_READ", "PERSON", Integer.toString(done + i), "340524.340524001", null, Result.SUCCESS,
                        "查看实有人口档案 第 " + i + " 条", "10.20.1." + (i % 200)));
            }
            tx.executeWithoutResult(s -> log.append(entries));
        }
        long appendMs = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t1 = System.nanoTime();
        ChainVerification v = verifier.verify(Optional.empty());
        long verifyMs = (System.nanoTime() - t1) / 1_000_000;
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("BENCH rows=%d append=%d ms (%.0f rows/s) verify=%d ms (%.0f rows/s) heap before=%d MB after=%d MB max=%d MB%n",
                v.rows(), appendMs, rows * 1000.0 / appendMs, verifyMs, v.rows() * 1000.0 / verifyMs,
                before >> 20, after >> 20, rt.maxMemory() >> 20);
        assertThat(v.intact()).isTrue();
        assertThat(v.rows()).isGreaterThanOrEqualTo(rows);
    }
}
