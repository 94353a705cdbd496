package org.beatbook.identity.web;

import org.beatbook.identity.internal.FirstRunSetup;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** {@code /setup}: the first system administrator of a clean installation, with the code printed at start-up. */
@Controller
class SetupController {

    private final FirstRunSetup setup;
    private final MessageSource messages;

    SetupController(FirstRunSetup setup, MessageSource messages) {
        this.setup = setup;
        this.messages = messages;
    }

    @GetMapping("/setup")
    String page() {
        return setup.open() ? "identity/setup" : "redirect:/login";
    }

    @PostMapping("/setup")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String username,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
                  @RequestParam(required = false) String repeat,
                  @RequestParam(required = false) String jurisdiction, Model model) {
        List<Violation> violations;
        try {
            violations = setup.complete(code, username, displayName, password, repeat,
                    jurisdiction == null ? List.of() : List.of(jurisdiction));
        } catch (FirstRunSetup.SetupClosed closed) {
            return "redirect:/login";
        }
        if (violations.isEmpty()) {
            return "redirect:/login?setup";
        }
        model.addAttribute("errors", FormErrors.of(violations, messages));
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("jurisdiction", jurisdiction);
        return "identity/setup";
    }
}
