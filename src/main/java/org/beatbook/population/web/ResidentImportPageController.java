package org.beatbook.population.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.population.internal.ResidentImport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
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

/** The upload page of the resident import and its reports (the shared report page). */
@Controller
@RequestMapping("/persons/import")
@PreAuthorize(PersonApiController.OPERATIONAL)
class ResidentImportPageController {

    private final ResidentImport imports;
    private final ResidentWorkbooks workbooks;
    private final MessageSource messages;

    ResidentImportPageController(ResidentImport imports, ResidentWorkbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("maxRows", ResidentImport.MAX_ROWS);
        return "population/import";
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return workbooks.template(LocaleContextHolder.getLocale());
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        try {
            ImportReport report = Xlsx.upload(file,
                    in -> imports.importFile(in, file.getOriginalFilename(), Caller.current()));
            return "redirect:/persons/import/" + report.id();
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().get(0);
            model.addAttribute("fileError", messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("maxRows", ResidentImport.MAX_ROWS);
            response.setStatus(e.status().value());
            return "population/import";
        }
    }

    @GetMapping("/{id}")
    String report(@PathVariable UUID id, Model model) {
        model.addAttribute("report", workbooks.view(workbooks.find(id), LocaleContextHolder.getLocale()));
        model.addAttribute("backHref", "/persons");
        model.addAttribute("backLabel", messages.getMessage("population.search.title", null,
                LocaleContextHolder.getLocale()));
        model.addAttribute("againHref", "/persons/import");
        model.addAttribute("downloadHref", "/persons/import/" + id + "/report.xlsx");
        return "spreadsheet/import-report";
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable UUID id) {
        return workbooks.report(workbooks.find(id), LocaleContextHolder.getLocale());
    }
}
