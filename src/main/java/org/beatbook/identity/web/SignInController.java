package org.beatbook.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.identity.internal.PendingSignIn;
import org.beatbook.identity.internal.PendingSignIn.Stage;
import org.beatbook.identity.internal.SignInService;
import org.beatbook.identity.internal.SignInService.Outcome;
import org.beatbook.identity.internal.SignInSessions;
import org.beatbook.identity.internal.TotpEnrolment;
import org.beatbook.shared.security.Caller;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in pages: {@code /login} (username and password), then {@code /login/enrol} (first sign-in: scan the
 * QR code, confirm a code) or {@code /login/totp} (the six-digit code), then {@code /login/password} when an
 * administrator chose the password. Only the last step signs the session in.
 */
@Controller
class SignInController {

    private final SignInService signIn;
    private final SignInSessions sessions;
    private final TotpEnrolment enrolment;
    private final MessageSource messages;

    SignInController(SignInService signIn, SignInSessions sessions, TotpEnrolment enrolment, MessageSource messages) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.enrolment = enrolment;
        this.messages = messages;
    }

    @GetMapping("/login")
    String loginPage(HttpServletRequest request, Model model) {
        if (Caller.find().isPresent()) {
            return "redirect:/";
        }
        var params = request.getParameterMap();
        if (params.containsKey("expired")) {
            model.addAttribute("notice", FormErrors.text(messages, "identity.signIn.expired"));
        } else if (params.containsKey("signedOut")) {
            model.addAttribute("notice", FormErrors.text(messages, "identity.signIn.signedOut"));
        } else if (params.containsKey("setup")) {
            model.addAttribute("notice", FormErrors.text(messages, "identity.setup.done"));
        }
        return "identity/login";
    }

    @PostMapping("/login")
    String login(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                 HttpServletRequest request, Model model) {
        sessions.clearPending(request);
        Outcome outcome = signIn.password(username, password);
        if (outcome instanceof Outcome.Next next) {
            sessions.keepPending(request, next.pending());
            return next.pending().stage() == Stage.ENROL ? "redirect:/login/enrol" : "redirect:/login/totp";
        }
        model.addAttribute("username", username == null || username.length() > 100 ? "" : username.strip());
        model.addAttribute("error", FormErrors.text(messages, SignInService.FAILED));
        return "identity/login";
    }

    @GetMapping("/login/totp")
    String totpPage(HttpServletRequest request) {
        PendingSignIn pending = sessions.pending(request);
        return pending != null && pending.stage() == Stage.TOTP ? "identity/totp" : "redirect:/login";
    }

    @PostMapping("/login/totp")
    String totp(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
                Model model, RedirectAttributes redirect) {
        return next(signIn.totp(sessions.pending(request), code), "identity/totp", request, response, model, redirect);
    }

    @GetMapping("/login/enrol")
    String enrolPage(HttpServletRequest request, Model model) {
        PendingSignIn pending = sessions.pending(request);
        if (pending == null || pending.stage() != Stage.ENROL) {
            return "redirect:/login";
        }
        enrolmentModel(pending, model);
        return "identity/enrol";
    }

    private void enrolmentModel(PendingSignIn pending, Model model) {
        model.addAttribute("qr", enrolment.qrDataUri(pending));
        model.addAttribute("secret", TotpEnrolment.grouped(pending.enrolSecret()));
        model.addAttribute("account", pending.username());
    }

    @PostMapping("/login/enrol")
    String enrol(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
                 Model model, RedirectAttributes redirect) {
        PendingSignIn pending = sessions.pending(request);
        Outcome outcome = signIn.enrol(pending, code);
        if (outcome instanceof Outcome.Failed f && !f.restart()) {
            enrolmentModel(pending, model);
        }
        return next(outcome, "identity/enrol", request, response, model, redirect);
    }

    @GetMapping("/login/password")
    String passwordPage(HttpServletRequest request) {
        PendingSignIn pending = sessions.pending(request);
        return pending != null && pending.stage() == Stage.CHANGE_PASSWORD ? "identity/password" : "redirect:/login";
    }

    @PostMapping("/login/password")
    String password(@RequestParam(required = false) String password, @RequestParam(required = false) String repeat,
                    HttpServletRequest request, HttpServletResponse response, Model model,
                    RedirectAttributes redirect) {
        return next(signIn.changePassword(sessions.pending(request), password, repeat), "identity/password",
                request, response, model, redirect);
    }

    private String next(Outcome outcome, String samePage, HttpServletRequest request, HttpServletResponse response,
                        Model model, RedirectAttributes redirect) {
        if (outcome instanceof Outcome.Done done) {
            sessions.signIn(request, response, done.caller(), done.securityStamp());
            return "redirect:/";
        }
        if (outcome instanceof Outcome.Next next) {
            sessions.keepPending(request, next.pending());
            return switch (next.pending().stage()) {
                case ENROL -> "redirect:/login/enrol";
                case TOTP -> "redirect:/login/totp";
                case CHANGE_PASSWORD -> "redirect:/login/password";
            };
        }
        if (outcome instanceof Outcome.Rejected rejected) {
            model.addAttribute("errors", FormErrors.of(rejected.violations(), messages));
            return samePage;
        }
        Outcome.Failed failed = (Outcome.Failed) outcome;
        if (failed.restart()) {
            sessions.clearPending(request);
            redirect.addFlashAttribute("error", FormErrors.text(messages, failed.messageKey()));
            return "redirect:/login";
        }
        model.addAttribute("error", FormErrors.text(messages, failed.messageKey()));
        return samePage;
    }
}
