package org.beatbook.population.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.internal.PersonInput;
import org.beatbook.population.internal.PersonRegistry;
import org.beatbook.population.internal.PersonMerged;
import org.beatbook.population.internal.PersonSearch;
import org.beatbook.population.internal.PersonViews.PersonView;
import org.beatbook.population.internal.Rooms;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;

/** Search (live results through htmx), a person's page with reveal, and a room's current occupants. */
@Controller
@RequestMapping("/persons")
@PreAuthorize(PersonApiController.OPERATIONAL)
class PersonPageController {

    private final PersonRegistry registry;
    private final PersonSearch search;
    private final Rooms rooms;
    private final MessageSource messageSource;

    PersonPageController(PersonRegistry registry, PersonSearch search, Rooms rooms, MessageSource messageSource) {
        this.registry = registry;
        this.search = search;
        this.rooms = rooms;
        this.messageSource = messageSource;
    }

    @GetMapping
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String residenceType,
                  @RequestParam(required = false) String tag, @RequestParam(required = false) String compound,
                  @RequestParam(required = false) String unverified, @RequestParam(defaultValue = "0") String page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) {
        model.addAttribute("q", q);
        model.addAttribute("residenceType", residenceType);
        model.addAttribute("tag", tag);
        model.addAttribute("types", ResidenceType.values());
        model.addAttribute("compound", compound);
        model.addAttribute("unverified", "true".equals(unverified));
        model.addAttribute("compounds", rooms.compounds(Caller.current().scope()));
        ResidenceType type = Arrays.stream(ResidenceType.values()).filter(t -> t.name().equals(residenceType))
                .findFirst().orElse(null);
        try {
            int p = page.matches("[0-9]{1,3}") ? Integer.parseInt(page) : -1;
            model.addAttribute("result", search.search(q, new PersonSearch.Filters(type, tag, compound,
                    "true".equals(unverified)), Caller.current().scope(), p, 20));
        } catch (InvalidInput e) {
            if (htmx == null) {
                response.setStatus(e.status().value());
            }
            model.addAttribute("error", text(e));
        }
        return htmx != null ? "population/search :: results" : "population/search";
    }

    @GetMapping("/{id}")
    String person(@PathVariable long id, Model model) {
        Caller caller = Caller.current();
        PersonView person = registry.open(id, caller);
        model.addAttribute("person", person);
        model.addAttribute("versions", registry.versions(id, caller));
        model.addAttribute("mayReveal", PersonRegistry.REVEALERS.contains(caller.role()));
        return "population/person";
    }

    /** A merged-away record's page leads to the survivor's. */
    @org.springframework.web.bind.annotation.ExceptionHandler(PersonMerged.class)
    String merged(PersonMerged e) {
        return "redirect:/persons/" + e.survivorId();
    }

    /** htmx: the full numbers in place of the masked ones; a full page without htmx. */
    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, @RequestParam(required = false) String purpose,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) {
        Caller caller = Caller.current();
        try {
            model.addAttribute("revealed", registry.reveal(id, purpose, caller));
        } catch (InvalidInput e) {
            response.setStatus(htmx != null ? 200 : e.status().value());
            model.addAttribute("revealError", text(e));
        }
        model.addAttribute("personId", id);
        model.addAttribute("mayReveal", true);
        if (htmx != null) {
            return "population/person :: reveal";
        }
        model.addAttribute("person", registry.open(id, caller));
        model.addAttribute("versions", registry.versions(id, caller));
        return "population/person";
    }

    @PostMapping("/{id}/residences/{residenceId}/end")
    String end(@PathVariable long id, @PathVariable long residenceId) {
        registry.endResidence(id, residenceId, PersonInput.moveOut(null), Caller.current());
        return "redirect:/persons/" + id;
    }

    @PostMapping("/{id}/residences/{residenceId}/verify")
    String verify(@PathVariable long id, @PathVariable long residenceId) {
        registry.verifyResidence(id, residenceId, Caller.current());
        return "redirect:/persons/" + id;
    }

    @GetMapping("/rooms/{code}")
    String room(@PathVariable String code, Model model, HttpServletResponse response) throws java.io.IOException {
        Caller caller = Caller.current();
        Rooms.Room room;
        try {
            room = rooms.room(code, caller.scope());
        } catch (InvalidInput e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // out of scope answers like missing
            return null;
        }
        model.addAttribute("room", room);
        model.addAttribute("occupants", registry.occupants(code, caller));
        return "population/room";
    }

    /** A rule broken outside a form (an unknown room, a residence already ended): the error page with its status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(InvalidInput.class)
    void invalid(InvalidInput e, HttpServletResponse response) throws java.io.IOException {
        response.sendError(e.status().value());
    }

    private String text(InvalidInput e) {
        InvalidInput.Violation v = e.violations().get(0);
        return messageSource.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale());
    }
}
