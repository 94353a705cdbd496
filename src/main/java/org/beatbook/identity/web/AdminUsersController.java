package org.beatbook.identity.web;

import org.beatbook.identity.internal.CreateUserCmd;
import org.beatbook.identity.internal.UpdateProfileCmd;
import org.beatbook.identity.internal.UserAdministration;
import org.beatbook.identity.internal.UserAdministration.SelfAdministrationRefused;
import org.beatbook.identity.internal.UserState;
import org.beatbook.identity.internal.UserView;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /admin/users}: the account list for the two administrators, the new-account form (system admin) and
 * an account's page, where each administrator sees only the actions of their duty.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
class AdminUsersController {

    private final UserAdministration admin;
    private final MessageSource messages;

    AdminUsersController(UserAdministration admin, MessageSource messages) {
        this.admin = admin;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
                @RequestParam(required = false) String state,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        Role roleFilter = parse(Role.class, role);
        UserState stateFilter = parse(UserState.class, state);
        model.addAttribute("users", admin.list(Caller.current(), q, roleFilter, stateFilter));
        model.addAttribute("q", q);
        model.addAttribute("role", roleFilter);
        model.addAttribute("state", stateFilter);
        model.addAttribute("roles", Role.values());
        model.addAttribute("states", UserState.values());
        model.addAttribute("mayCreate", UserAdministration.administersAccounts(Caller.current().role()));
        return htmx != null ? "identity/users :: table" : "identity/users";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String newForm(Model model) {
        model.addAttribute("roles", Role.values());
        return "identity/user-new";
    }

    @PostMapping
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String role, @RequestParam(required = false) String jurisdiction,
                  @RequestParam(required = false) String password, Model model, RedirectAttributes redirect) {
        try {
            UserView created = admin.create(Caller.current(), new CreateUserCmd(username, displayName,
                    parse(Role.class, role), jurisdiction == null ? List.of() : List.of(jurisdiction), password));
            redirect.addFlashAttribute("ok", FormErrors.text(messages, "identity.user.created", created.username()));
            return "redirect:/admin/users/" + created.id();
        } catch (InvalidInput e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            model.addAttribute("username", username);
            model.addAttribute("displayName", displayName);
            model.addAttribute("role", parse(Role.class, role));
            model.addAttribute("jurisdiction", jurisdiction);
            model.addAttribute("roles", Role.values());
            return "identity/user-new";
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        Caller caller = Caller.current();
        UserView user = admin.get(caller, id);
        model.addAttribute("user", user);
        if (!model.containsAttribute("displayName")) {
            model.addAttribute("displayName", user.displayName());
            model.addAttribute("jurisdiction", String.join(", ", user.jurisdiction()));
        }
        model.addAttribute("roles", Role.values());
        model.addAttribute("accounts", UserAdministration.administersAccounts(caller.role()));
        model.addAttribute("security", UserAdministration.administersSecurity(caller.role()));
        model.addAttribute("self", caller.userId() == id);
        return "identity/user";
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String updateProfile(@PathVariable long id, @RequestParam(required = false) String displayName,
                         @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) Long version,
                         Model model) {
        try {
            admin.updateProfile(Caller.current(), id, new UpdateProfileCmd(displayName,
                    jurisdiction == null ? List.of() : List.of(jurisdiction), version));
            model.addAttribute("ok", FormErrors.text(messages, "identity.user.saved"));
        } catch (InvalidInput e) {
            model.addAttribute("errors", FormErrors.of(e, messages));
            model.addAttribute("displayName", displayName);
            model.addAttribute("jurisdiction", jurisdiction);
        }
        return show(id, model);
    }

    @PostMapping("/{id}/enabled")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return act(id, redirect, enabled ? "identity.user.enabledDone" : "identity.user.disabledDone",
                () -> admin.setEnabled(Caller.current(), id, enabled));
    }

    @PostMapping("/{id}/role")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String changeRole(@PathVariable long id, @RequestParam(required = false) String role,
                      @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        return act(id, redirect, "identity.user.roleChanged",
                () -> admin.changeRole(Caller.current(), id, parse(Role.class, role), version));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "identity.user.unlocked", () -> admin.unlock(Caller.current(), id));
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String resetPassword(@PathVariable long id, @RequestParam(required = false) String password,
                         RedirectAttributes redirect) {
        return act(id, redirect, "identity.user.passwordReset",
                () -> admin.resetPassword(Caller.current(), id, password));
    }

    @PostMapping("/{id}/totp-reset")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    String resetTotp(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "identity.user.totpReset", () -> admin.resetTotp(Caller.current(), id));
    }

    private String act(long id, RedirectAttributes redirect, String okKey, Supplier<UserView> action) {
        try {
            action.get();
            redirect.addFlashAttribute("ok", FormErrors.text(messages, okKey));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("bad", FormErrors.of(e, messages).values().stream()
                    .flatMap(List::stream).toList());
        } catch (SelfAdministrationRefused e) {
            redirect.addFlashAttribute("bad", List.of(FormErrors.text(messages, "identity.user.notSelf")));
        }
        return "redirect:/admin/users/" + id;
    }
}
