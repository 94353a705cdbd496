package org.beatbook.population.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.population.Checked;
import org.beatbook.population.Finding;
import org.beatbook.population.IdNumber;
import org.beatbook.population.NameKeys;
import org.beatbook.population.Relationship;
import org.beatbook.population.ResidenceType;
import org.beatbook.population.SearchQuery;
import org.beatbook.population.internal.DuplicatePerson;
import org.beatbook.population.internal.PersonInput;
import org.beatbook.population.internal.PersonNotFound;
import org.beatbook.population.internal.PersonRegistry;
import org.beatbook.population.internal.PersonRequests.NewPerson;
import org.beatbook.population.internal.PersonRequests.NewResidence;
import org.beatbook.population.internal.PersonViews.PersonView;
import org.beatbook.population.internal.PersonViews.Registered;
import org.beatbook.population.internal.Rooms;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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
import java.util.Optional;

/**
 * Gate intake on a phone: pick the room in taps (or type 3-2-501), type the ID number (checked as it is
 * typed), name, phone, residence type; save in one POST. A duplicate shows the existing person with a
 * button that links them to the room instead.
 */
@Controller
@RequestMapping("/intake")
@PreAuthorize(PersonApiController.OPERATIONAL)
class IntakeController {

    /** What the form holds, echoed back after an error. */
    record IntakeForm(String addressCode, String idNumber, String name, String phone, String residenceType,
                      String relationship, String sex, String birthDate) {
        static IntakeForm empty(String addressCode) {
            return new IntakeForm(addressCode, "", "", "", "TENANT", "", "", "");
        }
    }

    /** One step of the room picker: where we are, the way back up, and the next choices. */
    record Picker(AddressNodeView at, List<AddressNodeView> trail, List<AddressNodeView> choices,
                  AddressNodeView room, String compoundCode, String error) { }

    private final PersonRegistry registry;
    private final Rooms rooms;
    private final MessageSource messageSource;

    IntakeController(PersonRegistry registry, Rooms rooms, MessageSource messageSource) {
        this.registry = registry;
        this.rooms = rooms;
        this.messageSource = messageSource;
    }

    @GetMapping
    String page(@RequestParam(required = false) String node, @RequestParam(required = false) Long saved,
                Model model) {
        Caller caller = Caller.current();
        model.addAttribute("picker", picker(node, caller));
        model.addAttribute("form", IntakeForm.empty(roomCode(node, caller)));
        model.addAttribute("saved", saved);
        return fill(model);
    }

    /** htmx: the picker at a node (a room becomes the selection). */
    @GetMapping("/nodes")
    String nodes(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("picker", picker(code, Caller.current()));
        return "population/intake :: picker";
    }

    /** htmx: a typed room key below the compound being picked in. */
    @GetMapping("/room")
    String room(@RequestParam(required = false) String under, @RequestParam(required = false) String key, Model model) {
        Caller caller = Caller.current();
        SearchQuery q = NameKeys.normaliseQuery(key);
        Optional<AddressNodeView> room = q.kind() == SearchQuery.Kind.ROOM && under != null
                ? rooms.byKey(under, q.text(), caller.scope()) : Optional.empty();
        if (room.isPresent()) {
            model.addAttribute("picker", picker(room.get().code(), caller));
        } else {
            Picker at = picker(under, caller);
            model.addAttribute("picker", new Picker(at.at(), at.trail(), at.choices(), null, at.compoundCode(),
                    "population.intake.room.notFound"));
        }
        return "population/intake :: picker";
    }

    /** htmx: what the ID number says (birth date, sex, home region), or why it is refused. */
    @GetMapping("/id-check")
    String idCheck(@RequestParam(required = false) String idNumber, Model model) {
        Checked<IdNumber> checked = IdNumber.parse(idNumber);
        model.addAttribute("idEmpty", idNumber == null || idNumber.isBlank());
        if (checked.isValid()) {
            IdNumber id = checked.value();
            model.addAttribute("id", Map.of("birthDate", id.birthDate().toString(), "sex", id.sex().messageKey(),
                    "region", regionOf(id)));
            model.addAttribute("idWarnings", checked.warnings().stream().map(this::text).toList());
        } else {
            model.addAttribute("idError", text(checked.rejection().orElseThrow()));
        }
        return "population/intake :: idcheck";
    }

    @PostMapping
    String save(IntakeForm form, @RequestParam(required = false) Long linkPerson,
                @RequestParam(required = false) Boolean confirmNew, Model model,
                HttpServletResponse response) {
        Caller caller = Caller.current();
        String relationship = "FAMILY".equals(form.residenceType()) ? form.relationship() : null;
        NewPerson in = new NewPerson(null, form.idNumber(), form.name(), null, form.sex(), null, form.birthDate(),
                form.phone(), null, null, null, null, null, form.addressCode(), form.residenceType(), relationship,
                null, confirmNew, null);
        try {
            Registered done;
            if (linkPerson == null) {
                done = registry.register(PersonInput.register(in), caller);
            } else {
                done = link(linkPerson, in, caller);
            }
            return "redirect:/intake?node=" + parentOf(form.addressCode(), caller) + "&saved=" + done.person().id();
        } catch (DuplicatePerson e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("duplicates", e.duplicates());
            model.addAttribute("sameDocument", e.duplicates().stream().anyMatch(d -> d.matchedOn().contains("DOCUMENT")));
            model.addAttribute("errors", messages(e.violations()));
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            model.addAttribute("errors", messages(e.violations()));
        }
        model.addAttribute("picker", picker(form.addressCode(), caller));
        model.addAttribute("form", form);
        return fill(model);
    }

    /** Links an existing person: by the document just typed (any scope), or a match shown in scope. */
    private Registered link(long personId, NewPerson in, Caller caller) {
        try {
            return registry.linkByDocument(PersonInput.register(in), personId, caller);
        } catch (PersonNotFound e) {
            // not the holder of the typed document: a name or phone match the caller recognised, in scope
            PersonView v = registry.addResidence(personId, PersonInput.residence(new NewResidence(in.addressCode(),
                    in.residenceType(), in.relationship(), null)), caller);
            return new Registered(v, false, List.of());
        }
    }

    /** A rule broken outside a form (an unknown room, a residence already ended): the error page with its status. */
    @org.springframework.web.bind.annotation.ExceptionHandler(InvalidInput.class)
    void invalid(InvalidInput e, HttpServletResponse response) throws java.io.IOException {
        response.sendError(e.status().value());
    }

    private String fill(Model model) {
        model.addAttribute("types", ResidenceType.values());
        model.addAttribute("relationships", List.of(Relationship.HOUSEHOLDER, Relationship.SPOUSE, Relationship.SON,
                Relationship.DAUGHTER, Relationship.PARENT, Relationship.GRANDPARENT, Relationship.GRANDCHILD,
                Relationship.SIBLING, Relationship.OTHER_RELATIVE, Relationship.NOT_RELATED));
        return "population/intake";
    }

    private Picker picker(String code, Caller caller) {
        List<AddressNodeView> starts = rooms.starts(caller.jurisdictionCodes(), caller.scope());
        Optional<AddressNodeView> at = code == null || code.isBlank() ? Optional.empty() : rooms.node(code, caller.scope());
        if (at.isEmpty()) {
            if (starts.size() == 1) {
                at = starts.stream().findFirst();
            } else {
                return new Picker(null, List.of(), starts, null, null,
                        code == null || code.isBlank() ? null : "population.intake.room.notFound");
            }
        }
        List<AddressNodeView> trail = new ArrayList<>();
        String compound = null;
        for (AddressNodeView n = at.get(); n != null; ) {
            trail.add(0, n);
            if (n.level() == AddressLevel.COMPOUND) {
                compound = n.code();
            }
            if (starts.stream().anyMatch(s -> s.code().equals(trail.get(0).code())) || n.parentCode() == null) {
                break;
            }
            n = rooms.node(n.parentCode(), caller.scope()).orElse(null);
        }
        AddressNodeView node = at.get();
        if (node.level() == AddressLevel.ROOM) {
            return new Picker(node, trail, List.of(), node, compound, null);
        }
        return new Picker(node, trail, rooms.children(node.code(), caller.scope()), null,
                compound != null ? compound : null, null);
    }

    private String roomCode(String node, Caller caller) {
        return node == null ? "" : rooms.node(node, caller.scope()).filter(n -> n.level() == AddressLevel.ROOM)
                .map(AddressNodeView::code).orElse("");
    }

    private String parentOf(String roomCode, Caller caller) {
        return rooms.node(roomCode, caller.scope()).map(AddressNodeView::parentCode).orElse("");
    }

    private static String regionOf(IdNumber id) {
        var table = org.beatbook.population.DivisionCodes.table();
        String province = table.province(id.divisionCode()).map(d -> d.name()).orElse("");
        String city = table.city(id.divisionCode()).map(d -> d.name()).orElse("");
        String county = id.divisionName().orElse(id.divisionCode());
        StringBuilder b = new StringBuilder(province);
        if (!city.isEmpty() && !city.equals(province)) {
            b.append(' ').append(city);
        }
        if (!county.equals(city) && !county.equals(province)) {
            b.append(' ').append(county);
        }
        return b.toString().strip();
    }

    /** Field → messages in the caller's language. */
    private Map<String, List<String>> messages(List<InvalidInput.Violation> violations) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (InvalidInput.Violation v : violations) {
            out.computeIfAbsent(v.field(), f -> new ArrayList<>())
                    .add(messageSource.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale()));
        }
        return out;
    }

    private String text(Finding f) {
        return messageSource.getMessage(f.messageKey(), f.messageArgs(), f.messageKey(), LocaleContextHolder.getLocale());
    }
}
