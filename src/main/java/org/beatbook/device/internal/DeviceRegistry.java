package org.beatbook.device.internal;

import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.internal.DeviceViews.Credentials;
import org.beatbook.device.internal.DeviceViews.DeviceView;
import org.beatbook.device.internal.DeviceViews.IssuedDevice;
import org.beatbook.device.internal.DeviceViews.NewDevice;
import org.beatbook.shared.AuditEvent;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Registering devices at address nodes, rotating their credentials and deactivating them, within the caller's
 * jurisdiction. Secrets leave only in the {@link IssuedDevice} answer of register and rotate.
 */
@Service
public class DeviceRegistry {

    static final Set<AddressLevel> MOUNT_LEVELS = EnumSet.of(AddressLevel.COMPOUND, AddressLevel.BUILDING,
            AddressLevel.UNIT, AddressLevel.PLACE);
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final Pattern VIID_ID = Pattern.compile("[0-9]{20}");
    static final int MAX_NAME = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AddressApi addresses;
    private final DeviceRows rows;
    private final JdbcDeviceDirectory directory;
    private final ApplicationEventPublisher events;
    private final DeviceProperties props;
    private final Clock clock;

    DeviceRegistry(AddressApi addresses, DeviceRows rows, JdbcDeviceDirectory directory,
                   ApplicationEventPublisher events, DeviceProperties props, Clock deviceClock) {
        this.addresses = addresses;
        this.rows = rows;
        this.directory = directory;
        this.events = events;
        this.props = props;
        this.clock = deviceClock;
    }

    @Transactional
    public IssuedDevice register(NewDevice cmd, Caller caller) {
        return register(cmd, caller.scope(), caller.username());
    }

    /** Registers on behalf of {@code actor} within {@code scope} (the demo uses the community's scope). */
    @Transactional
    public IssuedDevice register(NewDevice cmd, Scope scope, String actor) {
        List<Violation> violations = new ArrayList<>();
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("name", "device.name.invalid", MAX_NAME));
        }
        if (cmd.kind() == null) {
            violations.add(new Violation("kind", "device.kind.required"));
        }
        Optional<AddressNodeView> node = cmd.nodeCode() == null || cmd.nodeCode().isBlank() ? Optional.empty()
                : addresses.find(cmd.nodeCode().strip(), scope);
        if (node.isEmpty() || node.get().retired()) {
            violations.add(new Violation("nodeCode", "device.node.unknown"));
        } else if (!MOUNT_LEVELS.contains(node.get().level())) {
            violations.add(new Violation("nodeCode", "device.node.level"));
        }
        String deviceId = cmd.deviceId() == null || cmd.deviceId().isBlank() ? null : cmd.deviceId().strip();
        if (deviceId != null && !DEVICE_ID.matcher(deviceId).matches()) {
            violations.add(new Violation("deviceId", "device.deviceId.invalid"));
        }
        String viid = cmd.viidDeviceId() == null || cmd.viidDeviceId().isBlank() ? null : cmd.viidDeviceId().strip();
        if (viid != null && !VIID_ID.matcher(viid).matches()) {
            violations.add(new Violation("viidDeviceId", "device.viidDeviceId.invalid"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        AddressNodeView at = node.get();
        if (deviceId == null) {
            deviceId = cmd.kind().name().toLowerCase().replace('_', '-') + "-" + randomDigits(8);
        }
        if (viid == null && Boolean.TRUE.equals(cmd.gat1400())) {
            viid = viidDeviceId(at.code(), cmd.kind());
        }
        if (rows.deviceIdTaken(deviceId)) {
            throw InvalidInput.conflict("deviceId", "device.deviceId.taken");
        }
        if (viid != null && rows.viidTaken(viid)) {
            throw InvalidInput.conflict("viidDeviceId", "device.viidDeviceId.taken");
        }
        String compound = addresses.ancestors(at.code(), scope).stream()
                .filter(a -> a.level() == AddressLevel.COMPOUND).map(AddressNodeView::code)
                .reduce((a, b) -> b).orElse(at.code());
        String token = DeviceCredentials.newToken();
        String password = viid == null ? null : DeviceCredentials.newPassword();
        UUID id = rows.insert(deviceId, viid, cmd.kind(), name, at, compound, token,
                viid == null ? null : DeviceCredentials.ha1(viid, props.viidRealm(), password), props.viidRealm(),
                actor, clock.instant());
        events.publishEvent(AuditEvent.success("DEVICE_REGISTERED", "DEVICE", id.toString(), at.path())
                .withDetail(cmd.kind() + " " + deviceId));
        return new IssuedDevice(rows.find(id, scope, clock.instant(), props.silentAfter()).orElseThrow(),
                new Credentials(deviceId, token, viid, password, viid == null ? null : props.viidRealm()));
    }

    /** New token (and GA/T 1400 password); the old ones stop working at once. */
    @Transactional
    public IssuedDevice rotate(UUID id, Caller caller) {
        DeviceView d = find(id, caller);
        String token = DeviceCredentials.newToken();
        String password = d.viidDeviceId() == null ? null : DeviceCredentials.newPassword();
        rows.rotate(id, token, password == null ? null : DeviceCredentials.ha1(d.viidDeviceId(), props.viidRealm(),
                password), props.viidRealm(), clock.instant());
        directory.forget();
        events.publishEvent(AuditEvent.success("DEVICE_CREDENTIALS_ROTATED", "DEVICE", id.toString(),
                rows.pathOf(id)));
        return new IssuedDevice(find(id, caller), new Credentials(d.deviceId(), token, d.viidDeviceId(), password,
                password == null ? null : props.viidRealm()));
    }

    @Transactional
    public DeviceView deactivate(UUID id, Caller caller) {
        find(id, caller);
        rows.deactivate(id, clock.instant());
        directory.forget();
        events.publishEvent(AuditEvent.success("DEVICE_DEACTIVATED", "DEVICE", id.toString(), rows.pathOf(id)));
        return find(id, caller);
    }

    @Transactional(readOnly = true)
    public DeviceView find(UUID id, Caller caller) {
        return rows.find(id, caller.scope(), clock.instant(), props.silentAfter())
                .orElseThrow(() -> new DeviceNotFound(id.toString()));
    }

    /** The devices within the caller's jurisdiction, of one compound when {@code compound} is given. */
    @Transactional(readOnly = true)
    public List<DeviceView> list(String compound, Caller caller) {
        return rows.list(compound, caller.scope(), clock.instant(), props.silentAfter());
    }

    /** Compounds with devices, within the caller's jurisdiction: code and name. */
    @Transactional(readOnly = true)
    public List<AddressNodeView> compounds(Caller caller) {
        return rows.compoundCodes(caller.scope()).stream()
                .flatMap(c -> addresses.find(c, caller.scope()).stream()).toList();
    }

    /** A 20-digit GA/T 1400 DeviceID: the node's 6-digit division code, 0000, a type code, a 7-digit serial. */
    static String viidDeviceId(String nodeCode, DeviceKind kind) {
        String division = nodeCode.length() >= 6 && nodeCode.substring(0, 6).chars().allMatch(Character::isDigit)
                ? nodeCode.substring(0, 6) : "000000";
        String type = switch (kind) {
            case PLATE_CAMERA -> "132";
            case EBIKE_READER -> "139";
            case ACCESS_CONTROLLER -> "137";
            case ALARM_SENSOR -> "134";
        };
        return division + "0000" + type + randomDigits(7);
    }

    private static String randomDigits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return b.toString();
    }
}
