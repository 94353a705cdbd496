package org.beatbook.population.web;

import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Not part of the suite. {@code ./mvnw -o -q test -Dtest=IntakeSaveBenchmark -Dbeatbook.bench=true
 * -Dbeatbook.bench.runs=300}: the gate intake's save (POST /intake as a community officer: the form parsed and
 * checked, duplicate checks by document, name + birth date and phone, the person, phone, residence, version row,
 * residence keys and audit row written, the redirect answered) timed end to end through MockMvc, one resident after
 * another into the rooms of {@link AddressFake}; median and p99 after 30 warm-up saves.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
@EnabledIfSystemProperty(named = "beatbook.bench", matches = "true")
class IntakeSaveBenchmark {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final String[] ROOMS = {AddressFake.ROOM_501, AddressFake.ROOM_502, AddressFake.ROOM_5_101};

    @Autowired MockMvcTester mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void saveOneResident() {
        int runs = Integer.getInteger("beatbook.bench.runs", 300);
        int warmUp = 30;
        double[] ms = new double[runs];
        for (int i = 0; i < warmUp + runs; i++) {
            Residents.Body b = Residents.tenant();
            long s = System.nanoTime();
            MvcTestResult r = mvc.post().uri("/intake").with(authentication(OFFICER)).with(csrf())
                    .param("addressCode", ROOMS[i % ROOMS.length]).param("idNumber", b.idNumber())
                    .param("name", b.name()).param("phone", b.phone()).param("residenceType", "TENANT").exchange();
            double took = (System.nanoTime() - s) / 1e6;
            assertThat(r.getResponse().getStatus()).as(r.getResponse().getRedirectedUrl()).isIn(302, 303);
            if (i >= warmUp) {
                ms[i - warmUp] = took;
            }
        }
        Arrays.sort(ms);
        System.out.printf("BENCH intake save: runs %d, median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", runs,
                ms[runs / 2], ms[(int) Math.ceil(runs * 0.9) - 1], ms[(int) Math.ceil(runs * 0.99) - 1], ms[runs - 1]);
        assertThat(jdbc.sql("select count(*) from population.person").query(Long.class).single())
                .isGreaterThanOrEqualTo(warmUp + runs);
    }
}
