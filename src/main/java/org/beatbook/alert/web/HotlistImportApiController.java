package org.beatbook.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.alert.internal.HotlistImport;
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

import static org.beatbook.alert.web.HotlistImportPageController.PAGE;

/** Hotlist import from the xlsx template, for the station leader and the community officer. */
@RestController
@RequestMapping("/api/v1/imports/hotlist")
@PreAuthorize(HotlistApiController.KEEPERS)
@Tag(name = "hotlist import", description = "xlsx import of stolen plates and e-bike tags")
class HotlistImportApiController {

    private final HotlistImport imports;
    private final ImportPages pages;

    HotlistImportApiController(HotlistImport imports, ImportPages pages) {
        this.imports = imports;
        this.pages = pages;
    }

    @GetMapping(value = "/template", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The empty xlsx template with an instructions sheet")
    ResponseEntity<byte[]> template() {
        return pages.template(PAGE);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): good rows listed at once, the rest reported")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        return pages.run(PAGE, imports, file);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of a hotlist import this user ran")
    ImportReportView report(@PathVariable("id") UUID id) {
        return pages.view(PAGE, imports, id);
    }

    @GetMapping(value = "/{id}/report", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The report of an import as xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return pages.reportXlsx(PAGE, imports, id);
    }
}
