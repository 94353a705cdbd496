package org.beatbook.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.identity.internal.CreateUserCmd;
import org.beatbook.identity.internal.UpdateProfileCmd;
import org.beatbook.identity.internal.UserAdministration;
import org.beatbook.identity.internal.UserState;
import org.beatbook.identity.internal.UserView;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Account administration over JSON, with the same separated duties as the pages. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'SECURITY_ADMIN')")
@Tag(name = "users", description = "Accounts: system admin creates, edits and disables; security admin changes roles, unlocks and resets")
class UsersApiController {

    record ChangeRoleRequest(Role role, Long version) { }

    record PasswordResetRequest(String password) { }

    private final UserAdministration admin;

    UsersApiController(UserAdministration admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Accounts, filtered by text (username, name, node code), role and state")
    List<UserView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                        @RequestParam(required = false) UserState state) {
        return admin.list(Caller.current(), q, role, state);
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable long id) {
        return admin.get(Caller.current(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Create an account; the password must be changed at its first sign-in")
    UserView create(@RequestBody CreateUserCmd cmd) {
        return admin.create(Caller.current(), cmd);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Change display name and jurisdiction (send the version you read)")
    UserView update(@PathVariable long id, @RequestBody UpdateProfileCmd cmd) {
        return admin.updateProfile(Caller.current(), id, cmd);
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    UserView disable(@PathVariable long id) {
        return admin.setEnabled(Caller.current(), id, false);
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    UserView enable(@PathVariable long id) {
        return admin.setEnabled(Caller.current(), id, true);
    }

    @PutMapping("/{id}/role")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    UserView changeRole(@PathVariable long id, @RequestBody ChangeRoleRequest request) {
        return admin.changeRole(Caller.current(), id, request.role(), request.version());
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    UserView unlock(@PathVariable long id) {
        return admin.unlock(Caller.current(), id);
    }

    @PostMapping("/{id}/password-reset")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Set a temporary password that the user must change at the next sign-in")
    UserView resetPassword(@PathVariable long id, @RequestBody PasswordResetRequest request) {
        return admin.resetPassword(Caller.current(), id, request.password());
    }

    @PostMapping("/{id}/totp-reset")
    @PreAuthorize("hasRole('SECURITY_ADMIN')")
    @Operation(summary = "Forget the TOTP secret; the next sign-in enrols a new one")
    UserView resetTotp(@PathVariable long id) {
        return admin.resetTotp(Caller.current(), id);
    }
}
