package org.beatbook.address.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.PlaceCategory;
import org.beatbook.address.internal.AddressNode;
import org.beatbook.address.internal.AddressRules;
import org.beatbook.address.internal.AddressService;
import org.beatbook.address.internal.AddressWriters;
import org.beatbook.address.web.AddressForms.ChildForm;
import org.beatbook.address.web.AddressForms.EditForm;
import org.beatbook.address.web.AddressForms.MoveForm;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The address pages: the caller's jurisdiction roots, drill-down from community to room, live search and the
 * forms of writers. An htmx request gets only the fragment it swaps.
 */
@Controller
@RequestMapping("/addresses")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN','STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE','COMMUNITY_WORKER')")
class AddressPageController {

    static final int SEARCH_LIMIT = 30;

    private final AddressService addresses;
    private final MessageSource messages;

    AddressPageController(AddressService addresses, MessageSource messages) {
        this.addresses = addresses;
        this.messages = messages;
    }

    @GetMapping
    String roots(Model model) {
        Caller caller = Caller.current();
        model.addAttribute("roots", addresses.rootsWithCounts(caller.scope()));
        model.addAttribute("writer", AddressWriters.mayWrite(caller));
        return "address/index";
    }

    @GetMapping("/search")
    String search(@RequestParam(name = "q", defaultValue = "") String q,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        List<AddressNodeView> found = q.isBlank() ? List.of()
                : addresses.search(q, Caller.current().scope(), 0, SEARCH_LIMIT + 1);
        model.addAttribute("q", q);
        model.addAttribute("results", found.size() > SEARCH_LIMIT ? found.subList(0, SEARCH_LIMIT) : found);
        model.addAttribute("more", found.size() > SEARCH_LIMIT);
        return htmx != null ? "address/fragments :: results" : "address/search";
    }

    @GetMapping("/{code}")
    String node(@PathVariable("code") String code, Model model) {
        fill(model, addresses.get(code, Caller.current().scope()));
        return "address/node";
    }

    // The path variable is not called "code": Spring binds path variables into @ModelAttribute records too,
    // and the child's own (optional) code field would silently become the parent's code.
    @PostMapping("/{parent}/children")
    @PreAuthorize(AddressApiController.WRITERS)
    String createChild(@PathVariable("parent") String code, @ModelAttribute("childForm") ChildForm form,
                       @RequestHeader(value = "HX-Request", required = false) String htmx,
                       Model model, RedirectAttributes flash, HttpServletResponse response) {
        Caller caller = Caller.current();
        AddressNode node = addresses.get(code, caller.scope());
        try {
            AddressNodeView created = addresses.create(form.toCommand(node.code()), caller);
            flash.addFlashAttribute("flash", message("address.flash.created", created.name(), created.code()));
            return done(node.code(), htmx, response);
        } catch (InvalidInput e) {
            return fail(model, node, "childErrors", e, "address/node :: childForm", htmx, response);
        }
    }

    @PostMapping("/{code}/edit")
    @PreAuthorize(AddressApiController.WRITERS)
    String edit(@PathVariable("code") String code, @ModelAttribute("editForm") EditForm form,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, RedirectAttributes flash, HttpServletResponse response) {
        return change(code, "editErrors", "address/node :: editForm", htmx, model, flash, response, (node, caller) ->
                message("address.flash.saved", addresses.update(node.code(), form.toChanges(), null, caller).name()));
    }

    @PostMapping("/{code}/move")
    @PreAuthorize(AddressApiController.WRITERS)
    String move(@PathVariable("code") String code, @ModelAttribute("moveForm") MoveForm form,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model, RedirectAttributes flash, HttpServletResponse response) {
        return change(code, "moveErrors", "address/node :: moveForm", htmx, model, flash, response, (node, caller) -> {
            AddressNodeView moved = addresses.move(node.code(), form.parentCode(), caller);
            return message("address.flash.moved", moved.name(), moved.parentCode());
        });
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize(AddressApiController.WRITERS)
    String retire(@PathVariable("code") String code, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, RedirectAttributes flash, HttpServletResponse response) {
        return change(code, "stateErrors", "address/node :: stateForm", htmx, model, flash, response, (node, caller) -> {
            addresses.retire(node.code(), caller);
            return message("address.flash.retired", node.name());
        });
    }

    @PostMapping("/{code}/restore")
    @PreAuthorize(AddressApiController.WRITERS)
    String restore(@PathVariable("code") String code, @RequestHeader(value = "HX-Request", required = false) String htmx,
                   Model model, RedirectAttributes flash, HttpServletResponse response) {
        return change(code, "stateErrors", "address/node :: stateForm", htmx, model, flash, response, (node, caller) -> {
            addresses.restore(node.code(), caller);
            return message("address.flash.restored", node.name());
        });
    }

    /** One change to a node in scope: done → flash message and back to the node; a broken rule → the form again. */
    private String change(String code, String errorsAttribute, String fragment, String htmx, Model model,
                          RedirectAttributes flash, HttpServletResponse response,
                          java.util.function.BiFunction<AddressNode, Caller, String> action) {
        Caller caller = Caller.current();
        AddressNode node = addresses.get(code, caller.scope());
        try {
            flash.addFlashAttribute("flash", action.apply(node, caller));
            return done(node.code(), htmx, response);
        } catch (InvalidInput e) {
            return fail(model, node, errorsAttribute, e, fragment, htmx, response);
        }
    }

    private void fill(Model model, AddressNode node) {
        Caller caller = Caller.current();
        model.addAttribute("node", node);
        model.addAttribute("crumbs", addresses.ancestors(node.code(), caller.scope()));
        model.addAttribute("children", addresses.childrenWithCounts(node.code(), caller.scope(), true));
        model.addAttribute("writer", AddressWriters.mayWrite(caller));
        model.addAttribute("childLevels", List.copyOf(AddressRules.childLevels(node.level())));
        model.addAttribute("categories", List.of(PlaceCategory.values()));
        model.addAttribute("placeLevel", AddressLevel.PLACE);
        if (!model.containsAttribute("childForm")) {
            model.addAttribute("childForm", ChildForm.empty());
        }
        if (!model.containsAttribute("editForm")) {
            model.addAttribute("editForm", EditForm.of(node));
        }
        if (!model.containsAttribute("moveForm")) {
            model.addAttribute("moveForm", new MoveForm(null));
        }
    }

    /** After a change: a full page gets a redirect (so reload does not repost); htmx is told to load the page. */
    private static String done(String code, String htmx, HttpServletResponse response) {
        String target = "/addresses/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8);
        if (htmx != null) {
            response.setHeader("HX-Redirect", target);
            return "address/fragments :: empty";
        }
        return "redirect:" + target;
    }

    /** The form again with each error next to its field: the fragment for htmx, else the page as 400. */
    private String fail(Model model, AddressNode node, String errorsName, InvalidInput e, String fragment,
                        String htmx, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidInput.Violation v : e.violations()) {
            errors.merge(v.field() == null ? "_" : v.field(), message(v.messageKey(), v.args()), (a, b) -> a + " " + b);
        }
        model.addAttribute(errorsName, errors);
        fill(model, node);
        if (htmx != null) {
            return fragment; // htmx swaps only 2xx answers by default
        }
        response.setStatus(e.status().value());
        return "address/node";
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
