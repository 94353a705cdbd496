package org.beatbook.exchange.web;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beatbook.address.AddressNodeMoved;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.exchange.Sightings;
import org.beatbook.population.AddressFake;
import org.beatbook.population.Residents;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.beatbook.exchange.Sightings.DOOR_R2;
import static org.beatbook.exchange.Sightings.EBIKE_R1;
import static org.beatbook.exchange.Sightings.GATE_R1;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * The status page, the ranking page, its export and the two API endpoints on real PostgreSQL, with no upstream
 * configured (nothing is pushed, everything is queued and counted). Counts are checked to the event.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AddressFake.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeWebIntegrationTests {

    static final Authentication OFFICER = Residents.signedIn(Role.COMMUNITY_OFFICER);
    static final Authentication OFFICER_R2 = Residents.signedIn(Role.COMMUNITY_OFFICER, AddressFake.R2);
    static final Authentication WORKER = Residents.signedIn(Role.COMMUNITY_WORKER);
    static final Authentication AUXILIARY = Residents.signedIn(Role.AUXILIARY_POLICE);

    @Autowired MockMvcTester mvc;
    @Autowired List<StoredEventsHandler> handlers;
    @Autowired TransactionTemplate tx;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationEventPublisher events;

    void store(List<StoredEvent> batch) {
        Sightings.store(jdbc, tx, handlers, batch);
    }

    /**
     * 2026-11-10 (Beijing): R1C1 collects 7 vehicle passes, 3 e-bike passes, 4 door openings (+ 5 heartbeats, not
     * data); R2C1 collects 9 door openings. 16:30 UTC on the 9th is already the 10th in Beijing; 16:30 UTC on the
     * 10th is the 11th.
     */
    @BeforeAll
    void collect() {
        Instant day = Instant.parse("2026-11-09T16:30:00Z");
        List<StoredEvent> batch = new ArrayList<>();
        batch.addAll(Sightings.many(7, i -> Sightings.vehicle(GATE_R1, "皖E8000" + i, day.plusSeconds(i * 3600L))));
        batch.addAll(Sightings.many(3, i -> Sightings.ebike(EBIKE_R1, "E28000" + i, day.plusSeconds(i))));
        batch.addAll(Sightings.many(4, i -> Sightings.door(GATE_R1, day.plusSeconds(i))));
        batch.addAll(Sightings.many(5, i -> Sightings.heartbeat(GATE_R1, day.plusSeconds(i))));
        store(batch);
        store(Sightings.many(9, i -> Sightings.door(DOOR_R2, day.plusSeconds(60 + i))));
        store(List.of(Sightings.vehicle(GATE_R1, "皖E89999", Instant.parse("2026-11-10T16:30:00Z"))));
    }

    MvcTestResult get(String uri, Authentication who) {
        return mvc.get().uri(uri).with(authentication(who)).exchange();
    }

    static String body(MvcTestResult r) {
        return new String(r.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theVolumeApiCountsEveryCollectedEventOnceOnItsBeijingDayWithinTheCallersJurisdiction() {
        MvcTestResult r = get("/api/v1/volume?from=2026-11-10&to=2026-11-10", OFFICER);
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.compounds[*].code").asArray().containsExactly("R1C1");
        assertThat(r).bodyJson().extractingPath("$.compounds[0].collected").isEqualTo(14);
        assertThat(r).bodyJson().extractingPath("$.compounds[0].pushed").isEqualTo(0);
        assertThat(r).bodyJson().extractingPath("$.compounds[0].name").isEqualTo("阳光小区");
        assertThat(r).bodyJson().extractingPath("$.totalCollected").isEqualTo(14);

        MvcTestResult twoDays = get("/api/v1/volume?from=2026-11-10&to=2026-11-11", OFFICER);
        assertThat(twoDays).bodyJson().extractingPath("$.compounds[0].collected").isEqualTo(15);
        MvcTestResult dayBefore = get("/api/v1/volume?from=2026-11-09&to=2026-11-09", OFFICER);
        assertThat(dayBefore).bodyJson().extractingPath("$.compounds[*].code").asArray().containsExactly("R1C1");
        assertThat(dayBefore).bodyJson().extractingPath("$.compounds[0].collected").isEqualTo(0);
        assertThat(dayBefore).bodyJson().extractingPath("$.compounds[0].rank").isEqualTo(1);

        MvcTestResult other = get("/api/v1/volume?from=2026-11-10&to=2026-11-10", OFFICER_R2);
        assertThat(other).bodyJson().extractingPath("$.compounds[0].code").isEqualTo("R2C1");
        assertThat(other).bodyJson().extractingPath("$.compounds[0].collected").isEqualTo(9);
        assertThat(other).bodyJson().extractingPath("$.compounds[*].code").asArray().doesNotContain("R1C1");
    }

    @Test
    void badDatesAreRefusedNamingTheField() {
        MvcTestResult r = get("/api/v1/volume?from=2026-13-01", OFFICER);
        assertThat(r).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(r).bodyJson().extractingPath("$.errors[0].field").isEqualTo("from");
        assertThat(r).bodyJson().extractingPath("$.errors[0].message").isEqualTo("日期格式应为 yyyy-MM-dd");
        MvcTestResult backwards = get("/api/v1/volume?from=2026-11-10&to=2026-11-01", OFFICER);
        assertThat(backwards).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(backwards).bodyJson().extractingPath("$.errors[0].field").isEqualTo("to");
        assertThat(get("/api/v1/volume?from=2025-01-01&to=2026-11-01", OFFICER)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theStatusApiShowsTheQueueWithPushingOff() {
        MvcTestResult r = get("/api/v1/exchange/status", OFFICER);
        assertThat(r).hasStatusOk();
        assertThat(r).bodyJson().extractingPath("$.enabled").isEqualTo(false);
        assertThat(r).bodyJson().extractingPath("$.queueDepth").asNumber().satisfies(n -> assertThat(n.longValue())
                .isGreaterThanOrEqualTo(11));
        assertThat(r).bodyJson().extractingPath("$.oldestWaitingAt").isNotNull();
        assertThat(get("/api/v1/exchange/status", AUXILIARY)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theStatusPageShowsTheFiguresAndHtmxGetsThemAlone() {
        MvcTestResult page = get("/exchange", OFFICER);
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("数据推送状态", "待推送", "未配置上级平台地址", "<html");
        MvcTestResult fragment = mvc.get().uri("/exchange").header("HX-Request", "true").with(authentication(OFFICER))
                .exchange();
        assertThat(body(fragment)).contains("id=\"exchange-figures\"").doesNotContain("<html");
        assertThat(get("/exchange", WORKER)).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theRankingPageRanksTheJurisdictionsCompoundsAndRefusesABadPeriod() {
        // a past week: other test classes sharing this context store sightings that happen today
        MvcTestResult page = get("/exchange/volume?period=WEEK&date=2026-11-12", WORKER);
        assertThat(page).hasStatusOk();
        assertThat(body(page)).contains("阳光小区", "2026-11-09 至 2026-11-15", "合计：采集 15 条，推送 0 条",
                "data-chart=", "echarts").doesNotContain("和平小区");
        MvcTestResult week = mvc.get().uri("/exchange/volume?period=WEEK&date=2026-11-10").header("HX-Request", "true")
                .with(authentication(OFFICER)).exchange();
        assertThat(body(week)).contains("2026-11-09 至 2026-11-15", "阳光小区").doesNotContain("<html");
        MvcTestResult bad = get("/exchange/volume?period=YEAR", OFFICER);
        assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(body(bad)).contains("统计周期应为 DAY、WEEK 或 MONTH");
        assertThat(get("/exchange/volume.xlsx?date=2026-02-30", OFFICER)).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theExportHoldsTheRanking() throws Exception {
        MvcTestResult r = get("/exchange/volume.xlsx?period=DAY&date=2026-11-10", OFFICER);
        assertThat(r).hasStatusOk();
        assertThat(r.getResponse().getHeader("Content-Disposition")).contains("volume-2026-11-10-2026-11-10.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("小区");
            assertThat(sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo(1);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("阳光小区");
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(14);
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
    }

    @Test
    void aCompoundMovedIntoAnotherCommunityIsCountedThere() {
        // a fresh compound under R1, moved under R2: its counts follow it into R2's jurisdiction
        var gate = new org.beatbook.device.DeviceRef(java.util.UUID.randomUUID(), "gate-moved", null,
                org.beatbook.device.DeviceKind.PLATE_CAMERA, "R1C9", "R1.R1C9");
        store(List.of(Sightings.vehicle(gate, "皖E81111", Instant.parse("2026-10-05T02:00:00Z"))));
        assertThat(get("/api/v1/volume?from=2026-10-05&to=2026-10-05", OFFICER)).bodyJson()
                .extractingPath("$.compounds[*].code").asArray().containsExactly("R1C9", "R1C1");
        tx.executeWithoutResult(s -> events.publishEvent(new AddressNodeMoved("R1C9", "R1.R1C9", "R2.R1C9")));
        MvcTestResult r1 = get("/api/v1/volume?from=2026-10-05&to=2026-10-05", OFFICER);
        assertThat(r1).bodyJson().extractingPath("$.compounds[*].code").asArray().containsExactly("R1C1");
        assertThat(r1).bodyJson().extractingPath("$.totalCollected").isEqualTo(0);
        MvcTestResult r2 = get("/api/v1/volume?from=2026-10-05&to=2026-10-05", OFFICER_R2);
        assertThat(r2).bodyJson().extractingPath("$.compounds[*].code").asArray().containsExactly("R1C9", "R2C1");
        assertThat(r2).bodyJson().extractingPath("$.compounds[*].collected").asArray().containsExactly(1, 0);
    }
}
