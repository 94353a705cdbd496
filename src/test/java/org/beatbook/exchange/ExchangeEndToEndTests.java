package org.beatbook.exchange;

import org.beatbook.address.AddressFixtures;
import org.beatbook.address.internal.AddressService;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.Devices;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.shared.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From the device to the platform: events posted over HTTP by registered devices go through the device pipeline,
 * are queued in its transaction, pushed to the GA/T 1400 simulator and counted in the volume ledger; a resent batch
 * is stored, queued, pushed and counted once.
 */
@SpringBootTest(properties = {
        "beatbook.exchange.device-id=34052400002000000009",
        "beatbook.exchange.password=secret",
        "beatbook.exchange.poll-interval=50ms",
        "beatbook.exchange.backoff-initial=50ms",
        "beatbook.exchange.backoff-max=400ms"})
@AutoConfigureMockMvc
class ExchangeEndToEndTests {

    static final UpstreamSimulator PLATFORM = new UpstreamSimulator("34052400002000000009", "secret");

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

    @Autowired MockMvcTester mvc;
    @Autowired AddressService addresses;
    @Autowired DeviceRegistry registry;
    @Autowired JdbcClient jdbc;

    MvcTestResult post(String token, String body) {
        return mvc.post().uri("/api/v1/device-events").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + token).content(body).exchange();
    }

    @Test
    void postedSightingsArePushedOnceAndCountedOncePerCompound() {
        AddressFixtures.Tree tree = AddressFixtures.tree(addresses);
        var camera = Devices.register(registry, tree, tree.building2(), DeviceKind.PLATE_CAMERA, true);
        var reader = Devices.register(registry, tree, tree.school(), DeviceKind.EBIKE_READER, false);
        Instant at = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        LocalDate day = LocalDate.ofInstant(at, ZoneId.of("Asia/Shanghai"));
        String gateBatch = Devices.batch(
                Devices.vehicle("p-1", "皖E9A001", at),
                Devices.vehicle("p-2", "皖E9A002", at.plusSeconds(1)),
                Devices.vehicle("p-3", "皖E9A003", at.plusSeconds(2)),
                "{\"eventId\":\"d-1\",\"occurredAt\":\"%s\",\"kind\":\"DOOR_OPEN\",\"method\":\"card\"}".formatted(at),
                Devices.heartbeat("h-1", at));
        assertThat(post(camera.credentials().token(), gateBatch)).hasStatusOk();
        assertThat(post(camera.credentials().token(), gateBatch)).as("resent: all duplicates").bodyJson()
                .extractingPath("$.results[*].outcome").asArray().containsOnly("DUPLICATE");
        assertThat(post(reader.credentials().token(), Devices.batch(
                "{\"eventId\":\"b-1\",\"occurredAt\":\"%s\",\"kind\":\"EBIKE_PASS\",\"tag\":\"E2801160AA\"}".formatted(at))))
                .hasStatusOk();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT count(*) FROM exchange.outbox WHERE compound_code IN (?, ?) AND acknowledged_at IS NOT NULL""")
                .param(tree.compound()).param(tree.school()).query(Long.class).single() == 4);

        String viid = camera.credentials().viidDeviceId();
        assertThat(PLATFORM.objects()).filteredOn(o -> o.path("DeviceID").asString("").equals(viid))
                .extracting(o -> o.path("PlateNo").asString()).containsExactly("皖E9A001", "皖E9A002", "皖E9A003");
        assertThat(PLATFORM.objects()).filteredOn(o -> o.path("PlateNo").asString("").equals("E2801160AA"))
                .hasSize(1);

        MvcTestResult volume = mvc.get().uri("/api/v1/volume?from=" + day + "&to=" + day)
                .with(AddressFixtures.as(Role.STATION_LEADER, tree.path())).exchange();
        assertThat(volume).hasStatusOk();
        assertThat(volume).bodyJson().extractingPath("$.compounds[?(@.code == '" + tree.compound() + "')].collected")
                .asArray().containsExactly(4);
        assertThat(volume).bodyJson().extractingPath("$.compounds[?(@.code == '" + tree.compound() + "')].pushed")
                .asArray().containsExactly(3);
        assertThat(volume).bodyJson().extractingPath("$.compounds[?(@.code == '" + tree.compound() + "')].name")
                .asArray().containsExactly("阳光新城");
        assertThat(volume).bodyJson().extractingPath("$.compounds[?(@.code == '" + tree.school() + "')].pushed")
                .asArray().containsExactly(1);
        assertThat(volume).bodyJson().extractingPath("$.compounds[0].code").isEqualTo(tree.compound());
    }
}
