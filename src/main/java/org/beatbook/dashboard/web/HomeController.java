package org.beatbook.dashboard.web;

import org.beatbook.dashboard.HomeTile;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The home page: who is signed in, then the figures of their jurisdiction or links to their duties. */
@Controller
class HomeController {

    private static final Logger log = LoggerFactory.getLogger(HomeController.class);

    private final List<HomeTile> tiles;

    HomeController(List<HomeTile> tiles) {
        this.tiles = tiles.stream().sorted(Comparator.comparingInt(HomeTile::order)).toList();
    }

    @GetMapping("/")
    String home(Model model) {
        Caller caller = Caller.current();
        boolean oversight = caller.role() == Role.AUDITOR || caller.role() == Role.SECURITY_ADMIN;
        List<HomeTile.Section> sections = new ArrayList<>();
        if (!oversight) {
            for (HomeTile tile : tiles) {
                try {
                    tile.section(caller).ifPresent(sections::add);
                } catch (RuntimeException e) {
                    log.error("Home tile {} failed", tile.getClass().getName(), e);
                }
            }
        }
        model.addAttribute("me", caller);
        model.addAttribute("oversight", oversight);
        model.addAttribute("sections", sections);
        return "dashboard/home";
    }
}
