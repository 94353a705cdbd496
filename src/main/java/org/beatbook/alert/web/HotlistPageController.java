package org.beatbook.alert.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.alert.internal.HotlistKind;
import org.beatbook.alert.internal.Hotlists;
import org.beatbook.alert.internal.Hotlists.NewEntry;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.spreadsheet.ImportPages;
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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The hotlist page: search, enter a stolen vehicle or upload a list of them, take one off. */
@Controller
@RequestMapping("/hotlist")
@PreAuthorize(AlertApiController.POLICE)
class HotlistPageController {

    private final Hotlists hotlists;
    private final ImportPages imports;
    private final MessageSource messages;

    HotlistPageController(Hotlists hotlists, ImportPages imports, MessageSource messages) {
        this.hotlists = hotlists;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("kinds", HotlistKind.values());
        Caller caller = Caller.current();
        editing(model, caller.role() == Role.STATION_LEADER || caller.role() == Role.COMMUNITY_OFFICER);
        try {
            model.addAttribute("result", hotlists.search(q, 0, 100));
        } catch (InvalidInput e) {
            model.addAttribute("errors", errors(e));
        }
        return "alert/hotlist";
    }

    @PostMapping
    @PreAuthorize(HotlistApiController.KEEPERS)
    String add(@RequestParam(required = false) String kind, @RequestParam(required = false) String value,
               @RequestParam(required = false) String source, @RequestParam(required = false) String reference,
               @RequestParam(required = false) String validFrom, @RequestParam(required = false) String validUntil,
               @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        try {
            hotlists.add(new NewEntry(AlertPageController.pick(HotlistKind.values(), kind), value, source, reference,
                    date("validFrom", validFrom), date("validUntil", validUntil), note), Caller.current());
            return "redirect:/hotlist";
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            model.addAttribute("errors", errors(e));
            model.addAttribute("form", Map.of("kind", kind == null ? "" : kind, "value", value == null ? "" : value,
                    "source", source == null ? "" : source, "reference", reference == null ? "" : reference));
            model.addAttribute("kinds", HotlistKind.values());
            editing(model, true);
            model.addAttribute("result", hotlists.search(null, 0, 100));
            return "alert/hotlist";
        }
    }

    @PostMapping("/{id}/remove")
    @PreAuthorize(HotlistApiController.KEEPERS)
    String remove(@PathVariable long id) {
        hotlists.remove(id, Caller.current());
        return "redirect:/hotlist";
    }

    /** Whether the caller keeps the list: then the page offers the entry form and the upload. */
    private void editing(Model model, boolean mayEdit) {
        model.addAttribute("mayEdit", mayEdit);
        if (mayEdit) {
            model.addAttribute("upload", imports.form(HotlistImportPageController.PAGE, null));
        }
    }

    private Map<String, String> errors(InvalidInput e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.violations().forEach(v -> out.putIfAbsent(v.field(), messages.getMessage(v.messageKey(), v.args(),
                v.messageKey(), LocaleContextHolder.getLocale())));
        return out;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInput.of(field, "alert.filter.date");
        }
    }
}
