package org.beatbook.housing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.housing.internal.HouseImport;
import org.beatbook.housing.internal.HouseSheet;
import org.beatbook.shared.security.Caller;
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

/** Upload page of the houses/tenancies import, its template and its reports (the shared report page). */
@Controller
@RequestMapping("/houses/import")
@PreAuthorize(HouseApiController.OPERATIONAL)
class HouseImportPageController {

    private final HouseImport imports;
    private final Workbooks workbooks;
    private final MessageSource messages;

    HouseImportPageController(HouseImport imports, Workbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("maxRows", HouseSheet.MAX_ROWS);
        return "housing/import";
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return Xlsx.download(HouseImportApiController.template(workbooks, messages, LocaleContextHolder.getLocale()),
                "house-template.xlsx");
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        try {
            ImportReport report = Xlsx.upload(file, in -> imports.importFile(in, file.getOriginalFilename(),
                    Caller.current()));
            return "redirect:/houses/import/" + report.id();
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().get(0);
            model.addAttribute("fileError", messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("maxRows", HouseSheet.MAX_ROWS);
            response.setStatus(e.status().value());
            return "housing/import";
        }
    }

    @GetMapping("/{id}")
    String report(@PathVariable UUID id, Model model) {
        ImportReport report = HouseImportApiController.find(imports, id);
        model.addAttribute("report", workbooks.view(report, HouseSheet.COLUMNS, LocaleContextHolder.getLocale()));
        model.addAttribute("backHref", "/houses");
        model.addAttribute("backLabel", messages.getMessage("housing.ledger.title.short", null,
                LocaleContextHolder.getLocale()));
        model.addAttribute("againHref", "/houses/import");
        model.addAttribute("downloadHref", "/houses/import/" + id + "/report.xlsx");
        return "spreadsheet/import-report";
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable UUID id) {
        return Xlsx.download(workbooks.report(HouseImportApiController.find(imports, id), HouseSheet.COLUMNS,
                LocaleContextHolder.getLocale()), "house-import-report.xlsx");
    }
}
