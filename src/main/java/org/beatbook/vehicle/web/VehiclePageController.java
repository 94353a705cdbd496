package org.beatbook.vehicle.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.address.AddressApi;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.internal.PlateColor;
import org.beatbook.vehicle.internal.VehicleRequests.NewVehicle;
import org.beatbook.vehicle.internal.VehicleType;
import org.beatbook.vehicle.internal.Vehicles;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vehicle list of a compound (or an owner) and the registration form reached from a person's page. */
@Controller
@RequestMapping("/vehicles")
@PreAuthorize(VehicleApiController.OPERATIONAL)
class VehiclePageController {

    private final Vehicles vehicles;
    private final AddressApi addresses;
    private final MessageSource messages;

    VehiclePageController(Vehicles vehicles, AddressApi addresses, MessageSource messages) {
        this.vehicles = vehicles;
        this.addresses = addresses;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String compound, @RequestParam(required = false) String owner,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, HttpServletResponse response) {
        Caller caller = Caller.current();
        model.addAttribute("q", q);
        model.addAttribute("kind", kind);
        model.addAttribute("compound", compound);
        model.addAttribute("kinds", VehicleKind.values());
        model.addAttribute("compounds", compounds(caller));
        Long ownerId = owner != null && owner.matches("[0-9]{1,18}") ? Long.valueOf(owner) : null;
        if (ownerId != null) {
            vehicles.owner(ownerId, caller).ifPresent(o -> model.addAttribute("owner", o));
        }
        VehicleKind k = kind == null || kind.isBlank() ? null
                : java.util.Arrays.stream(VehicleKind.values()).filter(x -> x.name().equals(kind)).findFirst().orElse(null);
        try {
            model.addAttribute("result", vehicles.search(q, k, VehicleApiController.under(compound, caller, addresses),
                    ownerId, caller.scope(), 0, 100));
        } catch (InvalidInput e) {
            if (htmx == null) {
                response.setStatus(e.status().value());
            }
            model.addAttribute("error", errors(e).values().iterator().next());
        }
        return htmx != null ? "vehicle/list :: results" : "vehicle/list";
    }

    @GetMapping("/new")
    String form(@RequestParam String owner, Model model, HttpServletResponse response) throws java.io.IOException {
        Caller caller = Caller.current();
        var card = owner.matches("[0-9]{1,18}") ? vehicles.owner(Long.parseLong(owner), caller) : java.util.Optional.<org.beatbook.vehicle.internal.Owners.Owner>empty();
        if (card.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        model.addAttribute("owner", card.get());
        model.addAttribute("form", new NewVehicle(VehicleKind.EBIKE, null, null, null, null, null, null,
                card.get().id(), card.get().room() == null ? null : card.get().room().code()));
        options(model);
        return "vehicle/new";
    }

    @PostMapping
    String register(@RequestParam(required = false) String kind, @RequestParam(required = false) String plate,
                    @RequestParam(required = false) String plateColor, @RequestParam(required = false) String vehicleType,
                    @RequestParam(required = false) String tag, @RequestParam(required = false) String brand,
                    @RequestParam(required = false) String colour, @RequestParam String ownerId,
                    @RequestParam(required = false) String addressCode, Model model, HttpServletResponse response)
            throws java.io.IOException {
        Caller caller = Caller.current();
        var card = ownerId.matches("[0-9]{1,18}") ? vehicles.owner(Long.parseLong(ownerId), caller)
                : java.util.Optional.<org.beatbook.vehicle.internal.Owners.Owner>empty();
        if (card.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        NewVehicle in = new NewVehicle(pick(VehicleKind.values(), kind), plate, pick(PlateColor.values(), plateColor),
                pick(VehicleType.values(), vehicleType), tag, brand, colour, card.get().id(), addressCode);
        try {
            vehicles.register(in, caller);
            return "redirect:/vehicles?owner=" + card.get().id();
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            model.addAttribute("owner", card.get());
            model.addAttribute("form", in);
            model.addAttribute("errors", errors(e));
            options(model);
            return "vehicle/new";
        }
    }

    private static void options(Model model) {
        model.addAttribute("kinds", VehicleKind.values());
        model.addAttribute("colors", PlateColor.values());
        model.addAttribute("types", VehicleType.values());
    }

    /** Compounds in scope for the filter: the caller's roots that are compounds, and the compounds below the others. */
    private List<AddressNodeView> compounds(Caller caller) {
        List<AddressNodeView> out = new ArrayList<>();
        for (AddressNodeView root : addresses.roots(caller.scope())) {
            if (root.level() == AddressLevel.COMPOUND) {
                out.add(root);
            } else if (root.level().ordinal() < AddressLevel.COMPOUND.ordinal()) {
                addresses.children(root.code(), caller.scope()).stream()
                        .filter(n -> n.level() == AddressLevel.COMPOUND).forEach(out::add);
            }
        }
        return out;
    }

    private Map<String, String> errors(InvalidInput e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.violations().forEach(v -> out.putIfAbsent(v.field(), messages.getMessage(v.messageKey(), v.args(),
                v.messageKey(), LocaleContextHolder.getLocale())));
        return out;
    }

    private static <E extends Enum<E>> E pick(E[] values, String name) {
        for (E e : values) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
