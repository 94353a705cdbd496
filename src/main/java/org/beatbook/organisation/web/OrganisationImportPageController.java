package org.beatbook.organisation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.organisation.internal.OrganisationImport;
import org.beatbook.organisation.internal.OrganisationSheet;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.UUID;

/** Upload page of the organisation import, its template and its reports. */
@Controller
@RequestMapping("/organisations/import")
@PreAuthorize(OrganisationApiController.OPERATIONAL)
class OrganisationImportPageController {

    private final OrganisationImport imports;
    private final Workbooks workbooks;
    private final MessageSource messages;

    OrganisationImportPageController(OrganisationImport imports, Workbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("maxRows", OrganisationSheet.MAX_ROWS);
        return "organisation/import";
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return OrganisationImportApiController.template(workbooks, messages, LocaleContextHolder.getLocale());
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        try {
            ImportReport report = OrganisationImportApiController.run(imports, file);
            return "redirect:/organisations/import/" + report.id();
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().get(0);
            model.addAttribute("fileError", messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("maxRows", OrganisationSheet.MAX_ROWS);
            response.setStatus(e.status().value());
            return "organisation/import";
        }
    }

    @GetMapping("/{id}")
    String report(@PathVariable("id") UUID id, Model model) {
        ImportReport report = OrganisationImportApiController.find(imports, id);
        model.addAttribute("report", workbooks.view(report, OrganisationSheet.COLUMNS, LocaleContextHolder.getLocale()));
        model.addAttribute("backHref", "/organisations");
        model.addAttribute("backLabel", messages.getMessage("organisation.list.title", null,
                LocaleContextHolder.getLocale()));
        model.addAttribute("againHref", "/organisations/import");
        model.addAttribute("downloadHref", "/organisations/import/" + id + "/report.xlsx");
        return "spreadsheet/import-report";
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return Xlsx.download(workbooks.report(OrganisationImportApiController.find(imports, id),
                OrganisationSheet.COLUMNS, LocaleContextHolder.getLocale()), "organisation-import-report.xlsx");
    }
}
