package org.beatbook.housing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.housing.internal.HouseImport;
import org.beatbook.housing.internal.HouseSheet;
import org.beatbook.shared.spreadsheet.ImportPage;
import org.beatbook.shared.spreadsheet.ImportPages;
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

import java.util.List;
import java.util.UUID;

/** Upload page of the houses/tenancies import, its template and its reports (the shared import pages). */
@Controller
@RequestMapping("/houses/import")
@PreAuthorize(HouseApiController.OPERATIONAL)
class HouseImportPageController {

    static final ImportPage PAGE = new ImportPage(HouseSheet.KIND, "/houses/import", "housing.import",
            "housing.import.template", "/houses", "housing.ledger.title.short", HouseSheet.MAX_ROWS,
            HouseSheet.COLUMNS, new ImportPage.Template("housing.template.sheet",
            List.of("housing.template.help1", "housing.template.help2", "housing.template.help3",
                    "housing.template.help4"),
            List.of(List.of("3405241000010010010101", "出租", "王建国", "", "13955550101", "王建国", "13955550101",
                    "李明", "34052419900101001X", "13800000001", "2026-03-01", "2027-02-28", "ZL2026-0101",
                    "2026-11-20", "正常", "")),
            "house-template.xlsx"), "house-import-report.xlsx");

    private final HouseImport imports;
    private final ImportPages pages;

    HouseImportPageController(HouseImport imports, ImportPages pages) {
        this.imports = imports;
        this.pages = pages;
    }

    @GetMapping
    String page(Model model) {
        return pages.page(PAGE, model);
    }

    @GetMapping("/template.xlsx")
    ResponseEntity<byte[]> template() {
        return pages.template(PAGE);
    }

    @PostMapping
    String upload(@RequestParam(value = "file", required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        return pages.upload(PAGE, imports, file, model, response);
    }

    @GetMapping("/{id}")
    String report(@PathVariable("id") UUID id, Model model) {
        return pages.report(PAGE, imports, id, model);
    }

    @GetMapping("/{id}/report.xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return pages.reportXlsx(PAGE, imports, id);
    }
}
