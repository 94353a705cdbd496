package org.beatbook.population.web;

import org.beatbook.population.internal.ResidentImport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportReportView;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.beatbook.shared.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The resident import's files (template, report) and report lookups, shared by the API and the page. */
@Component
class ResidentWorkbooks {

    private final ResidentImport imports;
    private final Workbooks workbooks;
    private final MessageSource messages;

    ResidentWorkbooks(ResidentImport imports, Workbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    ResponseEntity<byte[]> template(Locale locale) {
        List<String> help = List.of(msg("population.import.help.1", locale), msg("population.import.help.2", locale),
                msg("population.import.help.3", locale), msg("population.import.help.4", locale),
                msg("population.import.help.5", locale));
        List<List<String>> example = List.of(List.of("江浩", "居民身份证", "34052419800101001X", "13800138000",
                "（地址编码）", "租户", "汉族", "", "2024-03-01", "教师", "幸福小学", "独居老人"));
        return Xlsx.download(workbooks.template(msg("population.import.sheet", locale), ResidentImport.columns(),
                example, help, locale), msg("population.import.templateFile", locale));
    }

    ResponseEntity<byte[]> report(ImportReport report, Locale locale) {
        return Xlsx.download(workbooks.report(report, ResidentImport.columns(), locale),
                msg("population.import.reportFile", locale));
    }

    ImportReportView view(ImportReport report, Locale locale) {
        return workbooks.view(report, ResidentImport.columns(), locale);
    }

    /** The caller's own run; anybody else's answers like a missing one. */
    ImportReport find(UUID id) {
        return imports.report(id, Caller.current()).orElseThrow(() -> new ResidentImportNotFound(id));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class ResidentImportNotFound extends NotFound {
        ResidentImportNotFound(UUID id) {
            super("import", id.toString());
        }
    }
}
