package org.beatbook.alert.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.alert.AlertRule;
import org.beatbook.alert.internal.AlertState;
import org.beatbook.alert.internal.AlertStream;
import org.beatbook.alert.internal.AlertView;
import org.beatbook.alert.internal.Alerts;
import org.beatbook.alert.internal.Outcome;
import org.beatbook.identity.UserDirectory.UserCard;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The live alert page (server-sent events, a beep and a browser notification), each alert as a card that is
 * acknowledged, dispatched and closed in place (htmx), the detail with the vehicle's owner, and the history.
 */
@Controller
@RequestMapping("/alerts")
@PreAuthorize(AlertApiController.POLICE)
class AlertPageController {

    private final Alerts alerts;
    private final AlertStream stream;
    private final MessageSource messages;

    AlertPageController(Alerts alerts, AlertStream stream, MessageSource messages) {
        this.alerts = alerts;
        this.stream = stream;
        this.messages = messages;
    }

    @GetMapping("/live")
    String live(Model model) {
        Caller caller = Caller.current();
        List<AlertView> open = alerts.open(caller);
        model.addAttribute("alerts", open);
        model.addAttribute("assignees", assignees(open, caller));
        options(model);
        return "alert/live";
    }

    @GetMapping(path = "/live/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return stream.subscribe(Caller.current());
    }

    @GetMapping
    String history(@RequestParam(required = false) String state, @RequestParam(required = false) String rule,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String until,
                   @RequestParam(defaultValue = "0") String page, Model model, HttpServletResponse response) {
        Caller caller = Caller.current();
        model.addAttribute("state", state);
        model.addAttribute("rule", rule);
        model.addAttribute("from", from);
        model.addAttribute("until", until);
        model.addAttribute("rates", alerts.rates(caller, 90));
        options(model);
        try {
            int p = page.matches("[0-9]{1,4}") ? Integer.parseInt(page) : -1;
            model.addAttribute("result", alerts.list(pick(AlertState.values(), state), pick(AlertRule.values(), rule),
                    date("from", from), date("until", until), caller, p, 50));
        } catch (InvalidInput e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", text(e));
        }
        return "alert/history";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("detail", alerts.detail(id, caller));
        return "alert/detail";
    }

    @GetMapping("/{id}/card")
    String card(@PathVariable long id, Model model) {
        return card(id, model, null);
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Model model,
                       @RequestHeader(value = "HX-Request", required = false) String htmx) {
        return act(id, model, htmx, () -> alerts.acknowledge(id, Caller.current()));
    }

    @PostMapping("/{id}/dispatch")
    String dispatch(@PathVariable long id, @RequestParam(required = false) String assigneeId,
                    @RequestParam(required = false) String note, Model model,
                    @RequestHeader(value = "HX-Request", required = false) String htmx) {
        Long assignee = assigneeId != null && assigneeId.matches("[0-9]{1,18}") ? Long.valueOf(assigneeId) : null;
        return act(id, model, htmx, () -> alerts.dispatch(id, assignee, note, Caller.current()));
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String outcome,
                 @RequestParam(required = false) String note, Model model,
                 @RequestHeader(value = "HX-Request", required = false) String htmx) {
        return act(id, model, htmx, () -> alerts.close(id, pick(Outcome.values(), outcome), note, Caller.current()));
    }

    /** Runs a state change; the card comes back (with the rule broken, if one was), or the live page without htmx. */
    private String act(long id, Model model, String htmx, Supplier<AlertView> change) {
        String error = null;
        try {
            change.get();
        } catch (InvalidInput e) {
            error = text(e);
        }
        if (htmx == null && error == null) {
            return "redirect:/alerts/live";
        }
        return card(id, model, error);
    }

    private String card(long id, Model model, String error) {
        Caller caller = Caller.current();
        AlertView a = alerts.card(id, caller);
        model.addAttribute("a", a);
        model.addAttribute("assignees", assignees(List.of(a), caller));
        model.addAttribute("cardError", error);
        options(model);
        return "alert/card :: card";
    }

    /** Officers who may be sent, per alert still to dispatch (one look-up per place). */
    private Map<Long, List<UserCard>> assignees(List<AlertView> shown, Caller caller) {
        Map<String, List<UserCard>> byPath = new HashMap<>();
        Map<Long, List<UserCard>> out = new HashMap<>();
        for (AlertView a : shown) {
            if (a.state() == AlertState.ACKNOWLEDGED) {
                out.put(a.id(), byPath.computeIfAbsent(a.nodePath(), p -> alerts.assignees(a.id(), caller)));
            }
        }
        return out;
    }

    private static void options(Model model) {
        model.addAttribute("rules", AlertRule.values());
        model.addAttribute("states", AlertState.values());
        model.addAttribute("outcomes", Outcome.values());
    }

    private String text(InvalidInput e) {
        InvalidInput.Violation v = e.violations().get(0);
        return messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale());
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInput.of(field, "alert.filter.date");
        }
    }

    static <E extends Enum<E>> E pick(E[] values, String name) {
        for (E e : values) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
