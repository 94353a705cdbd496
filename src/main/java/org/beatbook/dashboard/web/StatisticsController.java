package org.beatbook.dashboard.web;

import org.beatbook.dashboard.internal.CompoundStatistics;
import org.beatbook.dashboard.internal.CompoundStatistics.Row;
import org.beatbook.dashboard.internal.CompoundStatistics.Table;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-compound statistics of the caller's jurisdiction, as a page and as an xlsx ledger. */
@Controller
@PreAuthorize("hasAnyRole('STATION_LEADER','COMMUNITY_OFFICER','AUXILIARY_POLICE','COMMUNITY_WORKER')")
class StatisticsController {

    private final CompoundStatistics statistics;
    private final Workbooks workbooks;
    private final MessageSource messages;

    StatisticsController(CompoundStatistics statistics, Workbooks workbooks, MessageSource messages) {
        this.statistics = statistics;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping("/statistics")
    String page(Model model) {
        model.addAttribute("table", statistics.table(Caller.current()));
        return "dashboard/statistics";
    }

    @GetMapping("/statistics.xlsx")
    ResponseEntity<byte[]> xlsx() {
        Locale locale = LocaleContextHolder.getLocale();
        Table table = statistics.table(Caller.current());
        List<String> headers = new ArrayList<>();
        headers.add(msg("dashboard.statistics.compound", locale));
        table.labelKeys().forEach(k -> headers.add(msg(k, locale)));
        List<List<?>> rows = new ArrayList<>();
        for (Row r : table.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(switch (r.kind()) {
                case COMPOUND -> r.name();
                case OUTSIDE -> msg("dashboard.statistics.outside", locale);
                case TOTAL -> msg("dashboard.statistics.total", locale);
            });
            for (long v : r.values()) {
                cells.add(v);
            }
            rows.add(cells);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbooks.ledger(out, msg("dashboard.statistics.sheet", locale), msg("dashboard.statistics.title", locale),
                headers, rows);
        return Xlsx.download(out.toByteArray(), "statistics.xlsx");
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
