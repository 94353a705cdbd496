package org.beatbook.shared.spreadsheet;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The shared half of every import's page and API controllers: the upload form ({@code spreadsheet/import}, also a
 * fragment other pages embed), the template download, the run of an upload, and the report as page
 * ({@code spreadsheet/import-report}), JSON view and xlsx. A module's controllers keep their own mappings and a
 * class-level {@code @PreAuthorize} (method security guards only the methods a class declares itself, so the
 * endpoints are not inherited from a base class) and delegate here in one line each.
 */
@Component
public class ImportPages {

    public static final String FORM = "spreadsheet/import";
    public static final String REPORT = "spreadsheet/import-report";

    private final Workbooks workbooks;
    private final MessageSource messages;

    ImportPages(Workbooks workbooks, MessageSource messages) {
        this.workbooks = workbooks;
        this.messages = messages;
    }

    /** The upload form as the template shows it: texts resolved, columns listed, the file's problem if any. */
    public record Form(String kind, String href, String title, String step1, String templateHref, String templateLabel,
                       String step2, String step3, String backHref, String backLabel, List<Column> columns,
                       String fileError) { }

    /** A template column as the form lists it. */
    public record Column(String header, boolean required) { }

    /** The form's model, for a page that embeds the form ({@code ~{spreadsheet/import :: form(${upload}, true)}}). */
    public Form form(ImportPage page, String fileError) {
        Locale locale = LocaleContextHolder.getLocale();
        String texts = page.texts();
        return new Form(page.kind(), page.href(), msg(texts + ".title", locale), msg(texts + ".step1", locale),
                page.href() + "/template.xlsx", msg(page.templateLabel(), locale), msg(texts + ".step2", locale),
                messages.getMessage(texts + ".step3", new Object[]{page.maxRows()}, texts + ".step3", locale),
                page.backHref(), msg(page.backLabel(), locale),
                page.columns().stream().map(c -> new Column(c.header(), c.required())).toList(), fileError);
    }

    /** The upload page. */
    public String page(ImportPage page, Model model) {
        model.addAttribute("upload", form(page, null));
        return FORM;
    }

    /**
     * Hands the upload to {@code importer} (input, original file name; answers the run's id) and redirects to the
     * run's report; a file refused
     * whole (not an xlsx, no file, a missing column, too many rows, a conflict) shows the form again naming why,
     * with the refusal's status.
     */
    public String upload(ImportPage page, MultipartFile file, BiFunction<InputStream, String, UUID> importer,
                         Model model, HttpServletResponse response) {
        try {
            UUID run = Xlsx.upload(file, in -> importer.apply(in, file.getOriginalFilename()));
            return "redirect:" + page.href() + "/" + run;
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().get(0);
            model.addAttribute("upload", form(page, messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
                    LocaleContextHolder.getLocale())));
            response.setStatus(e.status().value());
            return FORM;
        }
    }

    /** The run, or a 404 (another user's run answers like a missing one). */
    public static <R> R found(Optional<R> run, UUID id) {
        return run.orElseThrow(() -> new ImportRunNotFound(id));
    }

    /** The upload of a {@link SheetImport}: a redirect to its report, or the form again naming the file's problem. */
    public String upload(ImportPage page, SheetImport imports, MultipartFile file, Model model,
                         HttpServletResponse response) {
        return upload(page, file, (in, name) -> imports.importFile(in, name, Caller.current()).id(), model, response);
    }

    /** The report page of the caller's own run; anybody else's answers like a missing one. */
    public String report(ImportPage page, SheetImport imports, UUID id, Model model) {
        return report(page, found(imports.report(id, Caller.current()), id), model);
    }

    /** The caller's own run as xlsx. */
    public ResponseEntity<byte[]> reportXlsx(ImportPage page, SheetImport imports, UUID id) {
        return reportXlsx(page, found(imports.report(id, Caller.current()), id));
    }

    /** The API's upload: the run's report, or an {@link InvalidInput} on {@code file} when the file is refused. */
    public ImportReportView run(ImportPage page, SheetImport imports, MultipartFile file) {
        return view(page, Xlsx.upload(file, in -> imports.importFile(in, file.getOriginalFilename(), Caller.current())));
    }

    /** The caller's own run as the API answers it. */
    public ImportReportView view(ImportPage page, SheetImport imports, UUID id) {
        return view(page, found(imports.report(id, Caller.current()), id));
    }

    /** The report page of a run the caller may read. */
    public String report(ImportPage page, ImportReport report, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("report", view(page, report));
        model.addAttribute("backHref", page.backHref());
        model.addAttribute("backLabel", msg(page.backLabel(), locale));
        model.addAttribute("againHref", page.href());
        model.addAttribute("downloadHref", page.href() + "/" + report.id() + "/report.xlsx");
        return REPORT;
    }

    /** The report as the API answers it: problems in the caller's language, columns by their template header. */
    public ImportReportView view(ImportPage page, ImportReport report) {
        return workbooks.view(report, page.columns(), LocaleContextHolder.getLocale());
    }

    /** The report as an xlsx download. */
    public ResponseEntity<byte[]> reportXlsx(ImportPage page, ImportReport report) {
        Locale locale = LocaleContextHolder.getLocale();
        return Xlsx.download(workbooks.report(report, page.columns(), locale), msg(page.reportFile(), locale));
    }

    /** The template download, built from the page's {@link ImportPage.Template}. */
    public ResponseEntity<byte[]> template(ImportPage page) {
        Locale locale = LocaleContextHolder.getLocale();
        ImportPage.Template t = page.template();
        byte[] body = workbooks.template(msg(t.sheetName(), locale), page.columns(), t.examples(),
                t.helpLines().stream().map(k -> msg(k, locale)).toList(), locale);
        return Xlsx.download(body, msg(t.fileName(), locale));
    }

    /** The message, or the text itself when it is no key (a plain file name). */
    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
