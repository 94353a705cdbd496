package org.beatbook.organisation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.organisation.internal.OrganisationRegistry;
import org.beatbook.organisation.internal.OrganisationRequests.EmployeeBody;
import org.beatbook.organisation.internal.OrganisationRequests.OrganisationBody;
import org.beatbook.organisation.internal.OrganisationSearch;
import org.beatbook.organisation.internal.OrganisationStatus;
import org.beatbook.organisation.internal.OrganisationType;
import org.beatbook.organisation.internal.OrganisationViews.OrganisationView;
import org.beatbook.organisation.internal.StaffRole;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/** The organisation list (live filters through htmx), an organisation's page with its staff, and the forms. */
@Controller
@RequestMapping("/organisations")
@PreAuthorize(OrganisationApiController.OPERATIONAL)
class OrganisationPageController {

    private final OrganisationRegistry registry;
    private final OrganisationSearch search;
    private final MessageSource messages;

    OrganisationPageController(OrganisationRegistry registry, OrganisationSearch search, MessageSource messages) {
        this.registry = registry;
        this.search = search;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String type,
                @RequestParam(required = false) String compound, @RequestParam(required = false) String node,
                @RequestParam(defaultValue = "0") String page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("compound", compound);
        model.addAttribute("node", node);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("compounds", search.compounds(caller.scope()));
        model.addAttribute("mayReveal", OrganisationRegistry.REVEALERS.contains(caller.role()));
        int p = page.matches("[0-9]{1,3}") ? Integer.parseInt(page) : 0;
        try {
            model.addAttribute("result", search.search(search.filter(q, type, compound, node, null, caller.scope(), false),
                    caller.scope(), p, 20));
        } catch (InvalidInput e) {
            model.addAttribute("error", text(e.violations().get(0)));
        }
        return htmx != null ? "organisation/list :: results" : "organisation/list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) String addressCode, Model model) {
        model.addAttribute("form", new OrganisationBody(null, null, "ENTERPRISE", null, addressCode, null, null, null,
                null, null, null, null, "OPERATING"));
        return form(model, null, Map.of());
    }

    @PostMapping
    String create(@ModelAttribute("form") OrganisationBody form, Model model, HttpServletResponse response) {
        try {
            OrganisationView created = registry.create(form, Caller.current());
            return "redirect:/organisations/" + created.id();
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            return form(model, null, errors(e));
        }
    }

    @GetMapping("/{id}")
    String organisation(@PathVariable long id, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("org", registry.open(id, caller));
        model.addAttribute("versions", registry.versions(id, caller));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("staffErrors", Map.of());
        return "organisation/organisation";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        OrganisationView o = registry.peek(id, Caller.current());
        // numbers are masked everywhere: their inputs start empty, and empty keeps the stored number
        model.addAttribute("form", new OrganisationBody(o.name(), o.creditCode(), o.type().name(), o.industry(),
                o.addressCode(), o.legalRepresentative(), null, null, o.legalRepresentativePersonId(), null,
                o.securityContact(), null, o.status().name()));
        model.addAttribute("org", o);
        return form(model, id, Map.of());
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @ModelAttribute("form") OrganisationBody form, Model model,
                  HttpServletResponse response) {
        Caller caller = Caller.current();
        OrganisationBody patch = new OrganisationBody(form.name(), empty(form.creditCode()), form.type(),
                empty(form.industry()), form.addressCode(), empty(form.legalRepresentative()),
                blankAsNull(form.legalRepresentativeDocumentType()), blankAsNull(form.legalRepresentativeDocument()),
                null, blankAsNull(form.phone()), empty(form.securityContact()), blankAsNull(form.securityPhone()),
                form.status());
        try {
            registry.change(id, patch, caller);
            return "redirect:/organisations/" + id;
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            model.addAttribute("org", registry.peek(id, caller));
            return form(model, id, errors(e));
        }
    }

    /** htmx: the staff section again (with errors, status 200 so htmx swaps it); else the page. */
    @PostMapping("/{id}/employees")
    String addEmployee(@PathVariable long id, @ModelAttribute EmployeeBody body,
                       @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
                       HttpServletResponse response) {
        Caller caller = Caller.current();
        Map<String, String> errors = Map.of();
        EmployeeBody typed = new EmployeeBody(body.personId(), body.name(), blankAsNull(body.documentType()),
                body.document(), body.phone(), body.role(), body.startDate());
        try {
            model.addAttribute("org", registry.addEmployee(id, typed, caller));
        } catch (InvalidInput e) {
            errors = errors(e);
            model.addAttribute("org", registry.peek(id, caller));
            model.addAttribute("typed", typed);
            if (htmx == null) {
                response.setStatus(e.status().value());
            }
        }
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("staffErrors", errors);
        if (htmx != null) {
            return "organisation/organisation :: staff";
        }
        model.addAttribute("versions", registry.versions(id, caller));
        return "organisation/organisation";
    }

    @PostMapping("/{id}/employees/{employmentId}/end")
    String endEmployee(@PathVariable long id, @PathVariable long employmentId) {
        registry.endEmployee(id, employmentId, null, Caller.current());
        return "redirect:/organisations/" + id;
    }

    /** A rule broken outside a form (a job already ended): the error page with its status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(InvalidInput.class)
    void invalid(InvalidInput e, HttpServletResponse response) throws java.io.IOException {
        response.sendError(e.status().value());
    }

    private String form(Model model, Long id, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("errors", errors);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("statuses", OrganisationStatus.values());
        return "organisation/form";
    }

    private Map<String, String> errors(InvalidInput e) {
        Map<String, String> m = new LinkedHashMap<>();
        for (InvalidInput.Violation v : e.violations()) {
            m.putIfAbsent(v.field(), text(v));
        }
        return m;
    }

    private String text(InvalidInput.Violation v) {
        return messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale());
    }

    /** A form's empty optional text clears (""), unlike null which keeps. */
    private static String empty(String s) {
        return s == null ? "" : s;
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
