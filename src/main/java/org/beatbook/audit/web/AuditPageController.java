package org.beatbook.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.audit.internal.AuditFilter;
import org.beatbook.audit.internal.AuditPage;
import org.beatbook.audit.internal.AuditQuery;
import org.beatbook.audit.internal.AuditReading;
import org.beatbook.audit.internal.ChainVerification;
import org.beatbook.audit.internal.ChainVerification.Anchor;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The auditor's pages: search (htmx updates only the results), CSV export of the current filter, verification. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditPageController {

    private final AuditReading reading;
    private final MessageSource messages;

    AuditPageController(AuditReading reading, MessageSource messages) {
        this.reading = reading;
        this.messages = messages;
    }

    /** The labelled actions the action filter offers (a datalist: any other code can still be typed). */
    @ModelAttribute("actions")
    List<String> actions() {
        return AuditActions.KNOWN;
    }

    @GetMapping
    String search(@RequestParam MultiValueMap<String, String> params,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  Model model, HttpServletResponse response) {
        AuditFilter filter = AuditFilter.of(params);
        model.addAttribute("filter", filter);
        try {
            AuditPage page = reading.search(filter.toQuery());
            model.addAttribute("rows", page.entries().stream().map(AuditRow::of).toList());
            model.addAttribute("nextUrl", page.nextBefore() == null ? null
                    : "/audit" + query(filter.startingBefore(page.nextBefore())));
            model.addAttribute("firstUrl", filter.before() == null || filter.before().isBlank() ? null
                    : "/audit" + query(filter.withoutBefore()));
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors(e));
            model.addAttribute("rows", List.of());
        }
        model.addAttribute("exportUrl", "/audit/export.csv" + query(filter.withoutBefore()));
        return htmx != null ? "audit/search :: results" : "audit/search";
    }

    /** Streams every row of the filter (paging ignored); the export is recorded before the first row leaves. */
    @GetMapping("/export.csv")
    ModelAndView export(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response)
            throws IOException {
        AuditFilter filter = AuditFilter.of(params);
        model.addAttribute("filter", filter);
        AuditQuery q;
        try {
            q = filter.toQuery();
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors(e));
            model.addAttribute("rows", List.of());
            model.addAttribute("exportUrl", "/audit/export.csv" + query(filter.withoutBefore()));
            return new ModelAndView("audit/search");
        }
        reading.recordExport(q);
        Locale locale = LocaleContextHolder.getLocale();
        String name = "audit-" + LocalDateTime.now(AuditFilter.SHOWN_ZONE)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".csv";
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        AuditCsv csv = new AuditCsv(out);
        csv.header(messages, locale);
        reading.export(q, e -> csv.entry(e, messages, locale));
        out.flush();
        return null; // written: nothing to render
    }

    @GetMapping("/verify")
    String verify(@RequestParam(name = "anchorId", required = false) String anchorId,
                  @RequestParam(name = "anchorHash", required = false) String anchorHash,
                  Model model, HttpServletResponse response) {
        Optional<Anchor> anchor;
        try {
            anchor = Anchor.parse(anchorId, anchorHash);
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", errors(e));
            anchor = Optional.empty();
        }
        ChainVerification v = reading.verify(anchor, null);
        model.addAttribute("verification", v);
        model.addAttribute("anchorId", anchorId);
        model.addAttribute("anchorHash", anchorHash);
        model.addAttribute("checkedAt", AuditRow.SHOWN.format(v.checkedAt()));
        return "audit/verify";
    }

    /** Field label → message, in the caller's language. */
    private Map<String, String> errors(InvalidInput e) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> out = new LinkedHashMap<>();
        for (InvalidInput.Violation v : e.violations()) {
            String label = messages.getMessage("audit.filter." + v.field(), null, v.field(), locale);
            out.merge(label, messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale), (a, b) -> a + "; " + b);
        }
        return out;
    }

    private static String query(AuditFilter f) {
        StringBuilder b = new StringBuilder();
        add(b, "from", f.from());
        add(b, "to", f.to());
        add(b, "actor", f.actor());
        add(b, "action", f.action());
        add(b, "objectType", f.objectType());
        add(b, "objectId", f.objectId());
        add(b, "result", f.result());
        add(b, "size", f.size());
        add(b, "before", f.before());
        return b.toString();
    }

    private static void add(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append(b.isEmpty() ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
