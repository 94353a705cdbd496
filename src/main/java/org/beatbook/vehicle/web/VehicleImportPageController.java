package org.beatbook.vehicle.web;

import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.shared.spreadsheet.ImportPage;
import org.beatbook.shared.spreadsheet.ImportPages;
import org.beatbook.vehicle.internal.VehicleImport;
import org.beatbook.vehicle.internal.VehicleSheet;
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

/** Upload page of the vehicle import, its template and its reports (the shared import pages). */
@Controller
@RequestMapping("/vehicles/import")
@PreAuthorize(VehicleApiController.OPERATIONAL)
class VehicleImportPageController {

    static final ImportPage PAGE = new ImportPage(VehicleSheet.KIND, "/vehicles/import", "vehicle.import",
            "vehicle.import.template", "/vehicles", "vehicle.list.title", VehicleSheet.MAX_ROWS, VehicleSheet.COLUMNS,
            new ImportPage.Template("vehicle.import.sheet",
                    List.of("vehicle.import.help.1", "vehicle.import.help.2", "vehicle.import.help.3",
                            "vehicle.import.help.4", "vehicle.import.help.5"),
                    List.of(List.of("机动车", "皖A12345", "蓝", "小型汽车", "", "大众", "白", "34052419800101001X",
                                    "（地址编码）"),
                            List.of("电动自行车", "", "", "", "E2801160AAAA0001", "雅迪", "蓝", "34052419800101001X", "")),
                    "vehicle.import.templateFile"), "vehicle.import.reportFile");

    private final VehicleImport imports;
    private final ImportPages pages;

    VehicleImportPageController(VehicleImport imports, ImportPages pages) {
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
