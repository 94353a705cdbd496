package org.beatbook.address.web;

import org.beatbook.address.internal.AddressImport;
import org.beatbook.address.internal.AddressSheetReader;
import org.beatbook.address.internal.AddressWorkbooks;
import org.beatbook.address.internal.ImportReport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportPage;
import org.beatbook.shared.spreadsheet.ImportPages;
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

    /**
     * The upload page is the shared one; the template (with the tables of levels and categories), the report page
     * and its xlsx stay the address module's own: its runs live in its own table and name columns in the reader's
     * language.
     */
    static final ImportPage PAGE = new ImportPage("addresses", "/addresses/import", "address.import",
            "address.import.template", "/addresses", "address.title", AddressImport.MAX_ROWS,
            AddressSheetReader.COLUMNS, null, "address-import-report.xlsx");

    private final AddressImport imports;
    private final AddressWorkbooks workbooks;
    private final ImportPages pages;

    AddressImportPageController(AddressImport imports, AddressWorkbooks workbooks, ImportPages pages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.pages = pages;
    }

    @GetMapping
    String page(Model model) {
        return pages.page(PAGE, model);
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return AddressImportApiController.xlsx(workbooks.template(LocaleContextHolder.getLocale()), "address-template.xlsx");
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        return pages.upload(PAGE, file, (in, name) -> imports.importFile(in, name, Caller.current()).id(),
                model, response);
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
        return ImportPages.found(imports.report(id, Caller.current()), id);
    }
}
