package org.beatbook.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.organisation.internal.OrganisationImport;
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

import static org.beatbook.organisation.web.OrganisationImportPageController.PAGE;

/** Bulk registration of organisations from the xlsx template. */
@RestController
@RequestMapping("/api/v1/imports/organisations")
@PreAuthorize(OrganisationApiController.OPERATIONAL)
@Tag(name = "organisation import", description = "xlsx bulk import of organisations")
class OrganisationImportApiController {

    private final OrganisationImport imports;
    private final ImportPages pages;

    OrganisationImportApiController(OrganisationImport imports, ImportPages pages) {
        this.imports = imports;
        this.pages = pages;
    }

    @GetMapping(value = "/template", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The empty xlsx template with an instructions sheet")
    ResponseEntity<byte[]> template() {
        return pages.template(PAGE);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): every row checked, all good rows written at once")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        return pages.run(PAGE, imports, file);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of an import this user ran")
    ImportReportView report(@PathVariable("id") UUID id) {
        return pages.view(PAGE, imports, id);
    }

    @GetMapping(value = "/{id}/report", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The report of an import as xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return pages.reportXlsx(PAGE, imports, id);
    }
}
