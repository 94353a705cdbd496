package org.beatbook.device.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.DeviceView;
import org.beatbook.device.internal.DeviceViews.IssuedDevice;
import org.beatbook.device.internal.DeviceViews.NewDevice;
import org.beatbook.shared.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** The device registry over JSON, within the caller's jurisdiction. Credentials appear only in 201/rotate answers. */
@RestController
@RequestMapping("/api/v1/devices")
@PreAuthorize(DeviceApiController.READERS)
@Tag(name = "devices", description = "Smart-compound devices: registry, credentials, online status and counters")
class DeviceApiController {

    /** Officers and leaders manage devices; auxiliary police see them (they watch the gates). */
    static final String READERS = "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE')";
    static final String MANAGERS = "hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER')";

    private final DeviceRegistry registry;

    DeviceApiController(DeviceRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Devices with online status and counters, optionally of one compound (node code)")
    List<DeviceView> list(@RequestParam(required = false) String compound) {
        return registry.list(compound == null || compound.isBlank() ? null : compound.strip(), Caller.current());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One device")
    DeviceView one(@PathVariable UUID id) {
        return registry.find(id, Caller.current());
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Register a device at a compound, building, unit or place; the answer holds its token "
            + "(and GA/T 1400 password) once")
    ResponseEntity<IssuedDevice> register(@RequestBody NewDevice body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(registry.register(body, Caller.current()));
    }

    @PostMapping("/{id}/rotate")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "New token (and GA/T 1400 password), shown once; the old ones stop working at once")
    IssuedDevice rotate(@PathVariable UUID id) {
        return registry.rotate(id, Caller.current());
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Deactivate: its credentials stop working; its events stay")
    DeviceView deactivate(@PathVariable UUID id) {
        return registry.deactivate(id, Caller.current());
    }
}
