package org.beatbook.population.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.population.internal.PersonMerge;
import org.beatbook.shared.security.Caller;
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

/**
 * Merging a duplicate record into a person: candidates (same name, shared phone) or a typed record number, then
 * both records side by side (masked) with the reasons a merge is refused, then the confirmation.
 */
@Controller
@RequestMapping("/persons/{id}/merge")
@PreAuthorize("hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER')")
class PersonMergePageController {

    private final PersonMerge merges;
    private final MessageSource messages;

    PersonMergePageController(PersonMerge merges, MessageSource messages) {
        this.merges = merges;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable long id, @RequestParam(required = false) String otherId, Model model,
                HttpServletResponse response) {
        Caller caller = Caller.current();
        model.addAttribute("id", id);
        model.addAttribute("candidates", merges.candidates(id, caller));
        if (otherId != null && !otherId.isBlank()) {
            try {
                long other = parse(otherId);
                model.addAttribute("comparison", merges.compare(id, other, caller));
                model.addAttribute("otherId", other);
            } catch (InvalidInput e) {
                response.setStatus(e.status().value());
                model.addAttribute("otherError", text(e.violations().get(0)));
            }
        }
        return "population/merge";
    }

    @PostMapping
    String merge(@PathVariable long id, @RequestParam(required = false) String otherId, Model model,
                 HttpServletResponse response) {
        Caller caller = Caller.current();
        try {
            merges.merge(id, parse(otherId), caller);
            return "redirect:/persons/" + id;
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            model.addAttribute("id", id);
            model.addAttribute("candidates", merges.candidates(id, caller));
            model.addAttribute("otherError", text(e.violations().get(0)));
            return "population/merge";
        }
    }

    private static long parse(String otherId) {
        String s = otherId == null ? "" : otherId.strip();
        if (!s.matches("[0-9]{1,18}")) {
            throw InvalidInput.of("otherId", "population.merge.other.unknown");
        }
        return Long.parseLong(s);
    }

    private String text(InvalidInput.Violation v) {
        return messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale());
    }
}
