package org.beatbook.address.web;

import org.beatbook.address.internal.AddressImport;
import org.beatbook.address.internal.AddressWorkbooks;
import org.beatbook.address.internal.ImportReport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.NotFound;
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
import jakarta.servlet.http.HttpServletResponse;

import java.util.UUID;

/** Upload page of the xlsx import, its template and its reports. */
@Controller
@RequestMapping("/addresses/import")
@PreAuthorize(AddressApiController.WRITERS)
class AddressImportPageController {

    private final AddressImport imports;
    private final AddressWorkbooks workbooks;
    private final MessageSource messages;

    AddressImportPageController(AddressImport imports, AddressWorkbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("maxRows", AddressImport.MAX_ROWS);
        return "address/import";
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return AddressImportApiController.xlsx(workbooks.template(LocaleContextHolder.getLocale()), "address-template.xlsx");
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        try {
            ImportReport report = AddressImportApiController.run(imports, file);
            return "redirect:/addresses/import/" + report.id();
        } catch (InvalidInput e) {
            InvalidInput.Violation v = e.violations().get(0);
            model.addAttribute("fileError", messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
                    LocaleContextHolder.getLocale()));
            model.addAttribute("maxRows", AddressImport.MAX_ROWS);
            response.setStatus(e.status().value());
            return "address/import";
        }
    }

    @GetMapping("/{id}")
    String report(@PathVariable("id") UUID id, Model model) {
        ImportReport report = find(id);
        model.addAttribute("report", report);
        model.addAttribute("problems", AddressImportApiController.view(report, workbooks,
                LocaleContextHolder.getLocale()).problems());
        return "address/import-report";
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return AddressImportApiController.xlsx(workbooks.report(find(id), LocaleContextHolder.getLocale()),
                "address-import-report.xlsx");
    }

    private ImportReport find(UUID id) {
        return imports.report(id, Caller.current()).orElseThrow(() -> new ImportNotFound(id));
    }

    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class ImportNotFound extends NotFound {
        ImportNotFound(UUID id) {
            super("import", id.toString());
        }
    }
}
