package org.beatbook.access;

import org.beatbook.device.DeviceKind;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.NewDevice;
import org.beatbook.shared.security.Role;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Set;

import static org.beatbook.access.AccessRule.open;
import static org.beatbook.access.AccessRule.roles;
import static org.beatbook.access.AccessRule.scoped;
import static org.beatbook.access.AccessRule.unscoped;
import static org.beatbook.shared.security.Role.AUXILIARY_POLICE;
import static org.beatbook.shared.security.Role.COMMUNITY_OFFICER;
import static org.beatbook.shared.security.Role.STATION_LEADER;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Devices: officers and leaders manage them, auxiliary police see them, within their jurisdiction; nobody else.
 * The device push endpoint authenticates devices, not users: any user answer is a 401, never a 5xx.
 */
class DeviceAccessRules implements AccessRules {

    static final Set<Role> READERS = roles(STATION_LEADER, COMMUNITY_OFFICER, AUXILIARY_POLICE);
    static final Set<Role> MANAGERS = roles(STATION_LEADER, COMMUNITY_OFFICER);

    @Override
    public List<AccessRule> rules(AccessFixture f) {
        AccessRule.Ids device = Fixture.ids(f);
        String json = MediaType.APPLICATION_JSON_VALUE;
        return List.of(
                unscoped(GET, "/api/v1/devices", READERS, c -> get("/api/v1/devices")),
                scoped(GET, "/api/v1/devices/{id}", READERS, device, id -> get("/api/v1/devices/" + id)),
                unscoped(POST, "/api/v1/devices", MANAGERS, c -> post("/api/v1/devices").contentType(json).content("""
                        {"name":"北门门禁","kind":"ACCESS_CONTROLLER","nodeCode":"%s"}""".formatted(f.ownNode()))),
                scoped(POST, "/api/v1/devices/{id}/rotate", MANAGERS, device,
                        id -> post("/api/v1/devices/" + id + "/rotate")),
                scoped(POST, "/api/v1/devices/{id}/deactivate", MANAGERS, device,
                        id -> post("/api/v1/devices/" + id + "/deactivate")),
                open(POST, "/api/v1/device-events", c -> post("/api/v1/device-events").contentType(json)
                        .content("{\"events\":[]}")),

                unscoped(GET, "/devices", READERS, c -> get("/devices")),
                unscoped(POST, "/devices", MANAGERS, c -> post("/devices").param("name", "北门门禁")
                        .param("kind", "ACCESS_CONTROLLER").param("nodeCode", f.ownNode())),
                scoped(POST, "/devices/{id}/rotate", MANAGERS, device, id -> post("/devices/" + id + "/rotate")),
                scoped(POST, "/devices/{id}/deactivate", MANAGERS, device,
                        id -> post("/devices/" + id + "/deactivate")),
                unscoped(POST, "/devices/traffic", MANAGERS, c -> post("/devices/traffic").param("action", "stop")));
    }

    /** An own device (at a building every demo user sees) and a foreign one (in the other community). */
    @TestComponent
    static class Fixture {

        private static Fixture instance;
        private final DeviceRegistry registry;
        private final JdbcClient jdbc;
        private AccessRule.Ids ids;

        Fixture(DeviceRegistry registry, JdbcClient jdbc) {
            this.registry = registry;
            this.jdbc = jdbc;
            instance = this;
        }

        static synchronized AccessRule.Ids ids(AccessFixture f) {
            if (instance.ids == null) {
                String own = instance.register(f.ownNode());
                String foreign = instance.register(f.foreignNode());
                instance.ids = new AccessRule.Ids(own, foreign, "00000000-0000-4000-8000-000000000000");
            }
            return instance.ids;
        }

        private String register(String node) {
            String path = jdbc.sql("SELECT path::text FROM address.node WHERE code = ?").param(node)
                    .query(String.class).single();
            return registry.register(new NewDevice("访问测试设备", DeviceKind.ACCESS_CONTROLLER, node, null, null, false),
                    new org.beatbook.shared.security.Scope(List.of(path)), "access-test").device().id().toString();
        }
    }
}
