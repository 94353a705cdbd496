package org.beatbook.population.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.population.internal.PersonRegistry;
import org.beatbook.population.internal.ResidentRoster;
import org.beatbook.population.internal.Rooms;
import org.beatbook.shared.security.Caller;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.List;

/** The roster export page: pick a compound (or everything), optionally state a purpose for full numbers. */
@Controller
@PreAuthorize(PersonApiController.OPERATIONAL)
class ResidentRosterPageController {

    private final ResidentRoster roster;
    private final Rooms rooms;
    private final MessageSource messages;

    ResidentRosterPageController(ResidentRoster roster, Rooms rooms, MessageSource messages) {
        this.roster = roster;
        this.rooms = rooms;
        this.messages = messages;
    }

    @GetMapping("/persons/roster")
    String page(Model model) {
        Caller caller = Caller.current();
        List<AddressNodeView> places = new ArrayList<>();
        for (AddressNodeView start : rooms.starts(caller.jurisdictionCodes(), caller.scope())) {
            places.add(start);
            if (start.level().ordinal() < AddressLevel.COMPOUND.ordinal()) {
                rooms.children(start.code(), caller.scope()).stream()
                        .filter(n -> n.level() == AddressLevel.COMPOUND).forEach(places::add);
            }
        }
        model.addAttribute("places", places);
        model.addAttribute("mayReveal", PersonRegistry.REVEALERS.contains(caller.role()));
        return "population/roster";
    }

    @GetMapping("/persons/roster.xlsx")
    void download(@RequestParam(required = false) String under, @RequestParam(required = false) String purpose,
                  HttpServletResponse response) {
        roster.write(under, purpose, Caller.current(),
                ResidentRosterApiController.download(response, messages, LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
    }
}
