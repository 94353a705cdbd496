package org.beatbook.population.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.population.internal.ResidentImport;
import org.beatbook.shared.spreadsheet.ImportPages;
import org.beatbook.shared.spreadsheet.ImportReportView;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.UUID;

import static org.beatbook.population.web.ResidentImportPageController.PAGE;

/** Residents from the xlsx template; reports of the caller's own imports. */
@RestController
@RequestMapping("/api/v1/imports/residents")
@PreAuthorize(PersonApiController.OPERATIONAL)
@Tag(name = "resident import", description = "xlsx bulk import of residents with a per-row report")
class ResidentImportApiController {

    private final ResidentImport imports;
    private final ImportPages pages;

    ResidentImportApiController(ResidentImport imports, ImportPages pages) {
        this.imports = imports;
        this.pages = pages;
    }

    @GetMapping(value = "/template", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The xlsx template: Chinese header row, an example row and an instructions sheet")
    ResponseEntity<byte[]> template() {
        return pages.template(PAGE);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): good rows imported, bad rows reported; "
            + "importing the same file again creates nothing")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        return pages.run(PAGE, imports, file);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of a resident import this user ran")
    ImportReportView report(@PathVariable("id") UUID id) {
        return pages.view(PAGE, imports, id);
    }

    @GetMapping(value = "/{id}/report", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The report as xlsx: row, column, reason")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return pages.reportXlsx(PAGE, imports, id);
    }
}
