package org.beatbook.population.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.population.internal.ResidentImport;
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

/** The upload page of the resident import and its reports (the shared import pages). */
@Controller
@RequestMapping("/persons/import")
@PreAuthorize(PersonApiController.OPERATIONAL)
class ResidentImportPageController {

    static final ImportPage PAGE = new ImportPage(ResidentImport.KIND, "/persons/import", "population.import",
            "population.import.templateFile", "/persons", "population.search.title", ResidentImport.MAX_ROWS,
            ResidentImport.columns(), new ImportPage.Template("population.import.sheet",
            List.of("population.import.help.1", "population.import.help.2", "population.import.help.3",
                    "population.import.help.4", "population.import.help.5"),
            List.of(List.of("江浩", "居民身份证", "34052419800101001X", "13800138000", "（地址编码）", "租户", "汉族", "",
                    "2024-03-01", "教师", "幸福小学", "独居老人")),
            "population.import.templateFile"), "population.import.reportFile");

    private final ResidentImport imports;
    private final ImportPages pages;

    ResidentImportPageController(ResidentImport imports, ImportPages pages) {
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
