package org.beatbook.alert.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.alert.internal.HotlistImport;
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

/**
 * The hotlist upload (its form sits on the hotlist page too), its template and its reports (the shared import
 * pages), for the station leader and the community officer who keep the list.
 */
@Controller
@RequestMapping("/hotlist/import")
@PreAuthorize(HotlistApiController.KEEPERS)
class HotlistImportPageController {

    static final ImportPage PAGE = new ImportPage(HotlistImport.KIND, "/hotlist/import", "alert.import",
            "alert.import.template", "/hotlist", "alert.hotlist.title", HotlistImport.MAX_ROWS, HotlistImport.COLUMNS,
            new ImportPage.Template("alert.import.sheet", List.of("alert.import.help1", "alert.import.help2"),
                    List.of(List.of("PLATE", "皖EK7319", "市公安局被盗车辆通报", "A2026-118", "2026-11-01", "", ""),
                            List.of("TAG", "E28011606000BEEF", "县公安局两车被盗协查", "", "", "2027-05-31", "白色雅迪")),
                    "hotlist-template.xlsx"), "hotlist-import-report.xlsx");

    private final HotlistImport imports;
    private final ImportPages pages;

    HotlistImportPageController(HotlistImport imports, ImportPages pages) {
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
