package org.beatbook.exchange.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.exchange.internal.ExchangeReading;
import org.beatbook.exchange.internal.ExchangeStatus;
import org.beatbook.exchange.internal.OutboxUpkeep;
import org.beatbook.exchange.internal.VolumeLedger;
import org.beatbook.exchange.internal.VolumeLedger.Period;
import org.beatbook.exchange.internal.VolumeRanking;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** The push status page (htmx refreshes the figures; parked sightings can be re-queued) and the volume ranking with its chart and xlsx export. */
@Controller
@RequestMapping("/exchange")
class ExchangePageController {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ExchangeReading reading;
    private final VolumeLedger ledger;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Workbooks workbooks;
    private final OutboxUpkeep upkeep;

    ExchangePageController(ExchangeReading reading, VolumeLedger ledger, MessageSource messages, JsonMapper json,
                           Workbooks workbooks, OutboxUpkeep upkeep) {
        this.workbooks = workbooks;
        this.upkeep = upkeep;
        this.reading = reading;
        this.ledger = ledger;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('STATION_LEADER', 'COMMUNITY_OFFICER')")
    String status(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ExchangeStatus s = reading.status(Caller.current().scope(), LocaleContextHolder.getLocale());
        model.addAttribute("s", s);
        model.addAttribute("oldest", shown(s.oldestWaitingAt()));
        model.addAttribute("waitingFor", s.oldestWaitingAt() == null ? null
                : age(Duration.between(s.oldestWaitingAt(), Instant.now())));
        model.addAttribute("registeredAt", shown(s.registeredAt()));
        model.addAttribute("lastSuccessAt", shown(s.lastSuccessAt()));
        model.addAttribute("lastErrorAt", s.lastError() == null ? null : shown(s.lastError().at()));
        model.addAttribute("rate", String.format(Locale.ROOT, "%.1f", s.pushedPerMinute()));
        model.addAttribute("parkedRows", s.recentParked().stream().map(p -> new ParkedRow(shown(p.occurredAt()),
                p.kind(), p.eventId(), p.compound(), shown(p.parkedAt()), p.reason())).toList());
        return htmx != null ? "exchange/status :: figures" : "exchange/status";
    }

    /** Puts the parked sightings of the caller's jurisdiction back in the queue, then shows the page again. */
    @PostMapping("/requeue")
    @PreAuthorize("hasAnyRole('STATION_LEADER', 'COMMUNITY_OFFICER')")
    String requeue(RedirectAttributes redirect) {
        int n = upkeep.requeueParked(Caller.current());
        redirect.addFlashAttribute("requeued", msg("exchange.status.requeued", LocaleContextHolder.getLocale(), n));
        return "redirect:/exchange";
    }

    record ParkedRow(String occurredAt, String kind, String eventId, String compound, String parkedAt, String reason) { }

    @GetMapping("/volume")
    @PreAuthorize("hasAnyRole('STATION_LEADER', 'COMMUNITY_OFFICER', 'AUXILIARY_POLICE', 'COMMUNITY_WORKER')")
    String volume(@RequestParam(name = "period", required = false) String period,
                  @RequestParam(name = "date", required = false) String date,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) {
        model.addAttribute("period", period == null || period.isBlank() ? "DAY" : period);
        model.addAttribute("date", date == null || date.isBlank() ? LocalDate.now(ZoneId.of("Asia/Shanghai")).toString() : date);
        try {
            VolumeRanking ranking = ranking(period, date);
            model.addAttribute("ranking", ranking);
            model.addAttribute("chart", chart(ranking));
            model.addAttribute("exportUrl", "/exchange/volume.xlsx?period=" + VolumeLedger.period(period)
                    + "&date=" + ranking.from());
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors(e));
        }
        return htmx != null ? "exchange/volume :: results" : "exchange/volume";
    }

    @GetMapping("/volume.xlsx")
    @PreAuthorize("hasAnyRole('STATION_LEADER', 'COMMUNITY_OFFICER', 'AUXILIARY_POLICE', 'COMMUNITY_WORKER')")
    String export(@RequestParam(name = "period", required = false) String period,
                  @RequestParam(name = "date", required = false) String date,
                  Model model, HttpServletResponse response) throws IOException {
        VolumeRanking ranking;
        try {
            ranking = ranking(period, date);
        } catch (InvalidInput e) {
            return volume(period, date, null, model, response);
        }
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType(Xlsx.MEDIA_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                Xlsx.attachment("volume-" + ranking.from() + "-" + ranking.to() + ".xlsx"));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        List<List<?>> rows = new java.util.ArrayList<>();
        for (VolumeRanking.CompoundVolume c : ranking.compounds()) {
            rows.add(List.of(c.rank(), c.name(), c.code(), c.collected(), c.pushed(), c.pushedRate()));
        }
        rows.add(List.of(msg("exchange.volume.total", locale, ranking.totalCollected(), ranking.totalPushed())));
        workbooks.ledger(response.getOutputStream(), msg("exchange.volume.sheet", locale),
                msg("exchange.volume.title", locale) + " " + msg("exchange.volume.range", locale, ranking.from(), ranking.to()),
                Stream.of("rank", "compound", "code", "collected", "pushed", "rate")
                        .map(c -> msg("exchange.volume.col." + c, locale)).toList(), rows);
        return null; // written: nothing to render
    }

    private VolumeRanking ranking(String period, String date) {
        Period p = VolumeLedger.period(period);
        LocalDate d = VolumeLedger.date("date", date, LocalDate.now(ZoneId.of("Asia/Shanghai")));
        LocalDate[] range = VolumeLedger.range(p, d);
        return ledger.ranking(range[0], range[1], Caller.current().scope());
    }

    /** The chart's data for static/js/volume-chart.js (inline scripts are not allowed by the CSP). */
    private String chart(VolumeRanking r) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("names", r.compounds().stream().map(VolumeRanking.CompoundVolume::name).toList());
        c.put("collected", r.compounds().stream().map(VolumeRanking.CompoundVolume::collected).toList());
        c.put("pushed", r.compounds().stream().map(VolumeRanking.CompoundVolume::pushed).toList());
        c.put("labels", List.of(messages.getMessage("exchange.volume.col.collected", null, locale),
                messages.getMessage("exchange.volume.col.pushed", null, locale)));
        return json.writeValueAsString(c);
    }

    private Map<String, String> errors(InvalidInput e) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> out = new LinkedHashMap<>();
        for (InvalidInput.Violation v : e.violations()) {
            String label = messages.getMessage("exchange.volume." + v.field(), null, v.field(), locale);
            out.merge(label, messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), (a, b) -> a + "; " + b);
        }
        return out;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String shown(Instant at) {
        return at == null ? null : SHOWN.format(at);
    }

    /** A rough age: "3 min", "2 h 5 min", "45 s". */
    private static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
