package org.beatbook.identity.web;

import org.beatbook.identity.internal.ApiTokens;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.beatbook.shared.web.InvalidInput.Violation;
import java.time.format.DateTimeParseException;

/** {@code /account/tokens}: the caller's personal API tokens; a new token is shown once, in the creation answer. */
@Controller
class AccountTokensController {

    private final ApiTokens tokens;
    private final MessageSource messages;

    AccountTokensController(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/account/tokens")
    String page(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("tokens", tokens.list(Caller.current()));
        return htmx != null ? "identity/tokens :: list" : "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String expiresOn,
                  Model model) {
        Caller caller = Caller.current();
        try {
            LocalDate expiry = null;
            if (expiresOn != null && !expiresOn.isBlank()) {
                try {
                    expiry = LocalDate.parse(expiresOn.strip());
                } catch (DateTimeParseException e) {
                    List<Violation> violations = new ArrayList<>(ApiTokens.checkName(name));
                    violations.add(new Violation("expiresOn", "identity.token.expiry.invalid"));
                    throw new InvalidInput(violations);
                }
            }
            ApiTokens.CreatedToken created = tokens.create(caller, name, expiry);
            model.addAttribute("created", created);
        } catch (InvalidInput e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            model.addAttribute("name", name);
            model.addAttribute("expiresOn", expiresOn);
        }
        model.addAttribute("tokens", tokens.list(caller));
        return "identity/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(Caller.current(), id);
        redirect.addFlashAttribute("ok", FormErrors.text(messages, "identity.token.revoked"));
        return "redirect:/account/tokens";
    }
}
