package org.beatbook.exchange.internal;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.beatbook.address.AddressApi;
import org.beatbook.browser.Chromium;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.exchange.Sightings;
import org.beatbook.exchange.UpstreamSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A station leader on a phone and at a desk: the push status page during an outage, with a refused object parked,
 * and the week's ranking of the demo community's compounds with its chart. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "beatbook.demo=true",
        "beatbook.exchange.device-id=34052400002000000001",
        "beatbook.exchange.password=secret",
        "beatbook.exchange.poll-interval=50ms",
        "beatbook.exchange.backoff-initial=50ms",
        "beatbook.exchange.backoff-max=300ms"})
class ExchangePagesBrowserTests {

    static final UpstreamSimulator PLATFORM = new UpstreamSimulator("34052400002000000001", "secret");

    static {
        try {
            PLATFORM.start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("beatbook.exchange.upstream-url", PLATFORM::url);
    }

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @LocalServerPort int port;
    @Value("${beatbook.home}") Path home;
    @Autowired List<StoredEventsHandler> handlers;
    @Autowired TransactionTemplate tx;
    @Autowired AddressApi addresses;
    @Autowired JdbcClient jdbc;
    @Autowired LogFeed feed;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    void store(List<StoredEvent> events) {
        Sightings.store(jdbc, tx, handlers, events);
    }

    @Test
    void leaderSeesTheLinkDuringAnOutageAndTheWeeksRanking() throws Exception {
        JsonNode doc = JsonMapper.builder().build().readTree(home.resolve("demo-credentials.json").toFile());
        List<DeviceRef> gates = new ArrayList<>();
        for (JsonNode c : doc.get("addresses").get("compounds")) {
            String code = c.asString();
            String path = addresses.scopeOf(List.of(code)).paths().get(0);
            gates.add(new DeviceRef(UUID.randomUUID(), "gate-" + code, null, DeviceKind.PLATE_CAMERA, code, path));
        }
        // a week of traffic: compound i collects (16 - i) × 40 events over the last days; the last two nothing
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<StoredEvent> week = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            DeviceRef gate = gates.get(i);
            int n = i >= gates.size() - 2 ? 0 : (gates.size() - i) * 40;
            week.addAll(Sightings.many(n, k -> k % 4 == 3 ? Sightings.door(gate, now.minusSeconds(k * 60L))
                    : Sightings.vehicle(gate, "皖E" + (10000 + k), now.minusSeconds(k * 60L))));
        }
        store(week);
        await().atMost(Duration.ofSeconds(60)).until(() -> feed.waiting(1) == 0 && jdbc.sql("""
                SELECT count(*) FROM exchange.outbox WHERE acknowledged_at IS NULL AND parked_at IS NULL""")
                .query(Long.class).single() == 0);

        // the platform refuses one object for good, then goes down while more arrive
        List<StoredEvent> refused = List.of(Sightings.vehicle(gates.get(0), "皖E00000", now));
        PLATFORM.unavailable(true);
        store(refused);
        PLATFORM.refuse(new ViidObjects("34052400002000000001").objectId(OutboxPushIntegrationTests.row(refused.get(0))),
                "6");
        PLATFORM.unavailable(false);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM exchange.outbox WHERE parked_at IS NOT NULL").query(Long.class).single() == 1);
        PLATFORM.unavailable(true);
        store(Sightings.many(37, k -> Sightings.vehicle(gates.get(k % 5), "皖E5" + (1000 + k), now)));
        Thread.sleep(1500);

        JsonNode leader = demoUser(doc, "STATION_LEADER");
        browser = Chromium.start(360, 800);
        signIn(leader);
        browser.get(url("/exchange"));
        assertThat(browser.findElement(By.id("queue-depth")).getText()).contains("37");
        assertThat(browser.findElement(By.id("last-error")).getText()).contains("HTTP 503");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("StatusCode 6");
        assertThat(browser.findElement(By.id("requeue")).getText()).contains("全部重新推送");
        assertThat(fits()).as("status fits 360 px").isTrue();
        Chromium.screenshot(browser, "exchange-01-status-360");

        browser.get(url("/exchange/volume?period=WEEK"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#volume-chart canvas")));
        assertThat(browser.findElements(By.cssSelector(".volume-table tbody tr"))).as("every compound, with zeros")
                .hasSize(gates.size());
        assertThat(browser.findElements(By.cssSelector(".volume-table tbody tr.zero"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(fits()).as("ranking fits 360 px").isTrue();
        Chromium.screenshot(browser, "exchange-02-ranking-360");

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#volume-chart canvas")));
        Chromium.screenshot(browser, "exchange-03-ranking-1280");
        browser.get(url("/exchange"));
        Chromium.screenshot(browser, "exchange-04-status-1280");
        PLATFORM.unavailable(false);
    }

    private void signIn(JsonNode user) throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user.get("username").asString());
        browser.findElement(By.id("password")).sendKeys(user.get("password").asString());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("/login/totp"));
        browser.findElement(By.id("code")).sendKeys(new DefaultCodeGenerator()
                .generate(user.get("totpSecret").asString(), Instant.now().getEpochSecond() / 30));
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private boolean fits() {
        return Boolean.TRUE.equals(browser.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
    }

    private static JsonNode demoUser(JsonNode doc, String role) {
        for (JsonNode u : doc.get("users")) {
            if (role.equals(u.get("role").asString())) {
                return u;
            }
        }
        throw new AssertionError("no demo user with role " + role);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
