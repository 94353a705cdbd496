package org.beatbook.housing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.housing.internal.HouseInput;
import org.beatbook.housing.internal.HouseLedger;
import org.beatbook.housing.internal.HouseRegistry;
import org.beatbook.housing.internal.HouseRequests.GuestBody;
import org.beatbook.housing.internal.HouseRequests.HouseBody;
import org.beatbook.housing.internal.HouseRequests.ListingBody;
import org.beatbook.housing.internal.HouseRequests.RevealBody;
import org.beatbook.housing.internal.HouseRequests.TenancyBody;
import org.beatbook.housing.internal.HouseRequests.VerificationBody;
import org.beatbook.housing.internal.RoomPlaces;
import org.beatbook.housing.internal.Usages;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The rental ledger of a compound (filters through htmx), its xlsx export, and a house page per room with forms. */
@Controller
@RequestMapping("/houses")
@PreAuthorize(HouseApiController.OPERATIONAL)
class HousePageController {

    private final HouseRegistry registry;
    private final HouseLedger ledger;
    private final Usages usages;
    private final RoomPlaces places;
    private final MessageSource messages;

    HousePageController(HouseRegistry registry, HouseLedger ledger, Usages usages, RoomPlaces places,
                        MessageSource messages) {
        this.registry = registry;
        this.ledger = ledger;
        this.usages = usages;
        this.places = places;
        this.messages = messages;
    }

    @GetMapping
    String ledger(@RequestParam(required = false) String compound, @RequestParam(required = false) String usage,
                  @RequestParam(defaultValue = "false") String unverified, @RequestParam(defaultValue = "0") String page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                  HttpServletResponse response) {
        Caller caller = Caller.current();
        Locale locale = LocaleContextHolder.getLocale();
        boolean overdue = "true".equals(unverified) || "on".equals(unverified);
        model.addAttribute("compound", compound);
        model.addAttribute("usage", usage);
        model.addAttribute("unverified", overdue);
        model.addAttribute("compounds", places.compounds(caller.scope()));
        model.addAttribute("usages", usages.all());
        model.addAttribute("usageLabels", labels(locale));
        model.addAttribute("mayReveal", HouseLedger.REVEALERS.contains(caller.role()));
        try {
            int p = page.matches("[0-9]{1,4}") ? Integer.parseInt(page) : -1;
            model.addAttribute("result", registry.list(compound, usage, overdue, p, 50, caller));
        } catch (InvalidInput e) {
            if (htmx == null) {
                response.setStatus(e.status().value());
            }
            model.addAttribute("error", text(e));
        }
        return htmx != null ? "housing/ledger :: results" : "housing/ledger";
    }

    @GetMapping("/ledger.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String compound,
                                  @RequestParam(required = false) String purpose) {
        HouseLedger.Export e = ledger.export(compound, purpose, Caller.current(), LocaleContextHolder.getLocale());
        return Xlsx.download(e.xlsx(), e.fileName());
    }

    @GetMapping("/rooms/{code}")
    String house(@PathVariable String code, Model model) {
        return page(code, model);
    }

    @PostMapping("/rooms/{code}")
    String save(@PathVariable String code, HouseBody body, Model model, HttpServletResponse response) {
        return act(code, model, response, "house", () -> registry.save(code, body, Caller.current()));
    }

    @PostMapping("/rooms/{code}/tenancies")
    String addTenancy(@PathVariable String code, TenancyBody body, Model model, HttpServletResponse response) {
        return act(code, model, response, "tenancy", () -> registry.addTenancy(code, body, Caller.current()));
    }

    @PostMapping("/rooms/{code}/tenancies/{id}/end")
    String endTenancy(@PathVariable String code, @PathVariable long id,
                      @RequestParam(required = false) String endedOn, Model model, HttpServletResponse response) {
        return act(code, model, response, "tenancy", () -> registry.endTenancy(code, id, endedOn, Caller.current()));
    }

    @PostMapping("/rooms/{code}/verifications")
    String verify(@PathVariable String code, VerificationBody body, Model model, HttpServletResponse response) {
        return act(code, model, response, "verification", () -> registry.verify(code, body, Caller.current()));
    }

    @PostMapping("/rooms/{code}/listing")
    String listing(@PathVariable String code, ListingBody body, Model model, HttpServletResponse response) {
        return act(code, model, response, "listing", () -> registry.setListing(code, body, Caller.current()));
    }

    @PostMapping("/rooms/{code}/guests")
    String guest(@PathVariable String code, GuestBody body, Model model, HttpServletResponse response) {
        return act(code, model, response, "guest", () -> registry.registerGuest(code, body, Caller.current()));
    }

    /**
     * One whole number in place of the masked one (htmx: only that field's control); a broken rule shows the purpose
     * form again with the reason. Roles without the right get 403, a room out of scope 404.
     */
    @PostMapping("/rooms/{code}/reveal")
    String reveal(@PathVariable String code, @RequestParam(required = false) String field,
                  @RequestParam(required = false) String purpose,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) {
        Caller caller = Caller.current();
        String shown = field != null && HouseInput.REVEALABLE.contains(field) ? field : HouseInput.REVEALABLE.get(0);
        try {
            model.addAttribute("revealed", registry.reveal(code, new RevealBody(field, purpose), caller));
        } catch (InvalidInput e) {
            response.setStatus(htmx != null ? 200 : e.status().value());
            model.addAttribute("revealError", text(e));
        }
        model.addAttribute("revealField", shown);
        if (htmx != null) {
            model.addAttribute("place", registry.place(code, caller));
            model.addAttribute("field", shown);
            model.addAttribute("mayReveal", true);
            return "housing/house :: reveal";
        }
        return page(code, model);
    }

    /** Runs a change; a broken rule shows the page again with the form's errors (and the rule's status). */
    private String act(String code, Model model, HttpServletResponse response, String form, Supplier<?> change) {
        try {
            change.get();
            return "redirect:/houses/rooms/" + code;
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), messages.getMessage(v.messageKey(), v.args(),
                    v.messageKey(), LocaleContextHolder.getLocale())));
            model.addAttribute("errors", errors);
            model.addAttribute("failedForm", form);
            return page(code, model);
        }
    }

    private String page(String code, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("place", registry.place(code, caller));
        model.addAttribute("house", registry.find(code, caller).orElse(null));
        model.addAttribute("versions", registry.versions(code, caller));
        model.addAttribute("usages", usages.all());
        model.addAttribute("usageLabels", labels(LocaleContextHolder.getLocale()));
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        model.addAttribute("mayReveal", HouseLedger.REVEALERS.contains(caller.role()));
        return "housing/house";
    }

    private Map<String, String> labels(Locale locale) {
        return usages.all().stream().collect(Collectors.toMap(Usages.Usage::code, u -> u.label(locale),
                (a, b) -> a, LinkedHashMap::new));
    }

    private String text(InvalidInput e) {
        InvalidInput.Violation v = e.violations().get(0);
        return messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale());
    }
}
