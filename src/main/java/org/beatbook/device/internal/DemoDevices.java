package org.beatbook.device.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressNodeView;
import org.beatbook.device.DeviceDemo;
import org.beatbook.device.DeviceKind;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/** The demo's devices: three per compound, inserted with one statement. */
@Service
class DemoDevices implements DeviceDemo {

    private static final DeviceKind[] KINDS = {DeviceKind.ACCESS_CONTROLLER, DeviceKind.PLATE_CAMERA,
            DeviceKind.EBIKE_READER};
    private static final String[] NAMES = {"南门门禁", "南门车牌识别道闸", "南门电动车读头"};

    private final AddressApi addresses;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final DeviceProperties props;

    DemoDevices(AddressApi addresses, JdbcClient jdbc, ApplicationEventPublisher events, DeviceProperties props) {
        this.addresses = addresses;
        this.jdbc = jdbc;
        this.events = events;
        this.props = props;
    }

    @Override
    @Transactional
    public List<DemoDevice> load(List<String> compounds) {
        Scope scope = addresses.scopeOf(compounds);
        List<DemoDevice> out = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        int n = 0;
        for (String code : compounds) {
            AddressNodeView node = addresses.find(code, scope).orElseThrow();
            n++;
            for (int k = 0; k < KINDS.length; k++) {
                DeviceKind kind = KINDS[k];
                String deviceId = "demo-" + code + "-" + kind.name().toLowerCase().replace('_', '-');
                String token = DeviceCredentials.newToken();
                String viid = null;
                String password = null;
                if (kind != DeviceKind.ACCESS_CONTROLLER) {
                    // division code, 0000, type, then compound number and kind as the serial
                    viid = DeviceRegistry.viidDeviceId(code, kind).substring(0, 13) + String.format("%05d%02d", n, k);
                    password = DeviceCredentials.newPassword();
                }
                rows.add(new String[]{deviceId, viid, kind.name(), NAMES[k], code, node.path(),
                        java.util.HexFormat.of().formatHex(DeviceCredentials.sha256(token)),
                        DeviceCredentials.prefixOf(token),
                        viid == null ? null : DeviceCredentials.ha1(viid, props.viidRealm(), password),
                        viid == null ? null : props.viidRealm()});
                out.add(new DemoDevice(deviceId, kind, code, token, viid, password));
            }
        }
        jdbc.sql("""
                        INSERT INTO device.device (device_id, viid_device_id, kind, name, node_code, node_path,
                                                   compound_code, token_hash, token_prefix, viid_ha1, viid_realm,
                                                   created_by)
                        SELECT d, v, k, nm, c, p::ltree, c, decode(h, 'hex'), pre, ha1, realm, 'demo'
                        FROM unnest(:d::text[], :v::text[], :k::text[], :nm::text[], :c::text[], :p::text[],
                                    :h::text[], :pre::text[], :ha1::text[], :realm::text[])
                            AS t(d, v, k, nm, c, p, h, pre, ha1, realm)""")
                .param("d", column(rows, 0)).param("v", column(rows, 1)).param("k", column(rows, 2))
                .param("nm", column(rows, 3)).param("c", column(rows, 4)).param("p", column(rows, 5))
                .param("h", column(rows, 6)).param("pre", column(rows, 7)).param("ha1", column(rows, 8))
                .param("realm", column(rows, 9)).update();
        events.publishEvent(AuditEvent.success("DEVICE_DEMO_LOADED", "DEVICE", null, null)
                .withDetail("devices=" + rows.size()));
        return out;
    }

    private static SqlArrayValue column(List<String[]> rows, int i) {
        return new SqlArrayValue("text", rows.stream().map(r -> r[i]).toArray());
    }
}
