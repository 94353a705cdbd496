package org.beatbook.device.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.device.DeviceKind;
import org.beatbook.device.internal.DemoTraffic;
import org.beatbook.device.internal.DeviceRegistry;
import org.beatbook.device.internal.DeviceViews.DeviceView;
import org.beatbook.device.internal.DeviceViews.IssuedDevice;
import org.beatbook.device.internal.DeviceViews.NewDevice;
import org.beatbook.device.viid.ViidOverview;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The devices page: list by compound with liveness and counters, GA/T 1400 registrations and subscriptions; officers
 * register, rotate, deactivate.
 */
@Controller
@RequestMapping("/devices")
@PreAuthorize(DeviceApiController.READERS)
class DevicePageController {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZONE);
    /** Subscription periods may span years. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    /** A list row with its times formatted for Asia/Shanghai. */
    record Row(DeviceView d, String lastSeen, String lastEvent, String lastHeartbeat) { }

    /** A GA/T 1400 registration with its times formatted. */
    record ViidRow(ViidOverview.Registration r, String registeredAt, String lastSeen, String lastKeepalive,
                   String unregisteredAt) { }

    /** A GA/T 1400 subscription (active or recently ended) with its times formatted. */
    record SubscriptionRow(ViidOverview.Subscription s, String beginTime, String endTime, String receivedAt) { }

    private final DeviceRegistry registry;
    private final DemoTraffic traffic;
    private final MessageSource messages;
    private final ViidOverview viid;

    DevicePageController(DeviceRegistry registry, DemoTraffic traffic, MessageSource messages, ViidOverview viid) {
        this.registry = registry;
        this.traffic = traffic;
        this.messages = messages;
        this.viid = viid;
    }

    @GetMapping
    String list(@RequestParam(required = false) String compound, Model model) {
        fill(compound, model);
        return "device/list";
    }

    @PostMapping
    @PreAuthorize(DeviceApiController.MANAGERS)
    String register(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                    @RequestParam(required = false) String nodeCode, @RequestParam(required = false) String deviceId,
                    @RequestParam(required = false) String viidDeviceId,
                    @RequestParam(required = false) Boolean gat1400, Model model, HttpServletResponse response) {
        DeviceKind k = kind == null ? null : java.util.Arrays.stream(DeviceKind.values())
                .filter(v -> v.name().equals(kind)).findFirst().orElse(null);
        NewDevice cmd = new NewDevice(name, k, nodeCode, deviceId, viidDeviceId, gat1400);
        try {
            IssuedDevice issued = registry.register(cmd, Caller.current());
            model.addAttribute("issued", issued);
            return "device/credentials";
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            model.addAttribute("form", cmd);
            model.addAttribute("errors", e.violations().stream().collect(Collectors.groupingBy(
                    InvalidInput.Violation::field, LinkedHashMap::new, Collectors.mapping(v -> messages.getMessage(
                            v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale()),
                            Collectors.toList()))));
            fill(null, model);
            return "device/list";
        }
    }

    @PostMapping("/{id}/rotate")
    @PreAuthorize(DeviceApiController.MANAGERS)
    String rotate(@PathVariable UUID id, Model model) {
        model.addAttribute("issued", registry.rotate(id, Caller.current()));
        return "device/credentials";
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize(DeviceApiController.MANAGERS)
    String deactivate(@PathVariable UUID id) {
        DeviceView d = registry.deactivate(id, Caller.current());
        return "redirect:/devices?compound=" + d.compoundCode();
    }

    /** Demo only: switches the traffic simulator on or off. */
    @PostMapping("/traffic")
    @PreAuthorize(DeviceApiController.MANAGERS)
    String traffic(@RequestParam(defaultValue = "start") String action) {
        if ("stop".equals(action)) {
            traffic.end();
        } else {
            traffic.begin();
        }
        return "redirect:/devices";
    }

    private void fill(String compound, Model model) {
        Caller caller = Caller.current();
        String c = compound == null || compound.isBlank() ? null : compound.strip();
        List<DeviceView> devices = registry.list(c, caller);
        model.addAttribute("compound", c);
        model.addAttribute("compounds", registry.compounds(caller));
        model.addAttribute("rows", devices.stream().map(d -> new Row(d, time(d.lastSeenAt()), time(d.lastEventAt()),
                time(d.lastHeartbeatAt()))).toList());
        model.addAttribute("online", devices.stream().filter(DeviceView::online).count());
        model.addAttribute("eventsToday", devices.stream().mapToLong(DeviceView::eventsToday).sum());
        model.addAttribute("kinds", DeviceKind.values());
        model.addAttribute("manager", caller.role() == Role.STATION_LEADER || caller.role() == Role.COMMUNITY_OFFICER);
        model.addAttribute("traffic", traffic.status());
        Map<String, String> names = new LinkedHashMap<>();
        registry.compounds(caller).forEach(n -> names.put(n.code(), n.name()));
        model.addAttribute("compoundNames", names);
        List<ViidOverview.Registration> registrations = viid.registrations(caller.scope());
        model.addAttribute("viidStates", registrations.stream().collect(Collectors.toMap(
                ViidOverview.Registration::viidDeviceId, ViidOverview.Registration::state)));
        model.addAttribute("viidRows", registrations.stream().filter(r -> c == null || c.equals(r.compoundCode()))
                .map(r -> new ViidRow(r, time(r.registeredAt()), time(r.lastSeenAt()), time(r.lastKeepaliveAt()),
                        time(r.unregisteredAt()))).toList());
        model.addAttribute("subscriptions", viid.subscriptions(caller.scope()).stream()
                .map(s -> new SubscriptionRow(s, s.beginTime() == null ? null : DATE_TIME.format(s.beginTime()),
                        s.endTime() == null ? null : DATE_TIME.format(s.endTime()), time(s.receivedAt())))
                .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewDevice("", null, c == null ? "" : c, "", "", false));
        }
    }

    private static String time(Instant t) {
        return t == null ? null : TIME.format(t);
    }
}
