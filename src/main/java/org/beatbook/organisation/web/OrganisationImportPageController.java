package org.beatbook.organisation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.organisation.internal.OrganisationImport;
import org.beatbook.organisation.internal.OrganisationSheet;
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

/** Upload page of the organisation import, its template and its reports (the shared import pages). */
@Controller
@RequestMapping("/organisations/import")
@PreAuthorize(OrganisationApiController.OPERATIONAL)
class OrganisationImportPageController {

    static final ImportPage PAGE = new ImportPage(OrganisationSheet.KIND, "/organisations/import",
            "organisation.import", "organisation.import.template", "/organisations", "organisation.list.title",
            OrganisationSheet.MAX_ROWS, OrganisationSheet.COLUMNS, new ImportPage.Template("organisation.import.sheet",
            List.of("organisation.import.help.1", "organisation.import.help.2", "organisation.import.help.3",
                    "organisation.import.help.4"),
            List.of(List.of("含山县恒达商贸有限公司", "91340522MA2N0C1X4W", "(地址编码)", "企业", "批发零售", "王伟", "",
                    "0555-5321234", "李强", "13955512345", "营业")),
            "organisation-template.xlsx"), "organisation-import-report.xlsx");

    private final OrganisationImport imports;
    private final ImportPages pages;

    OrganisationImportPageController(OrganisationImport imports, ImportPages pages) {
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
