package org.beatbook.vehicle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.vehicle.internal.VehicleImport;
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

import static org.beatbook.vehicle.web.VehicleImportPageController.PAGE;

/** Residents' vehicles from the xlsx template; reports of the caller's own imports. */
@RestController
@RequestMapping("/api/v1/imports/vehicles")
@PreAuthorize(VehicleApiController.OPERATIONAL)
@Tag(name = "vehicle import", description = "xlsx bulk registration of residents' motor vehicles and e-bikes")
class VehicleImportApiController {

    private final VehicleImport imports;
    private final ImportPages pages;

    VehicleImportApiController(VehicleImport imports, ImportPages pages) {
        this.imports = imports;
        this.pages = pages;
    }

    @GetMapping(value = "/template", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The xlsx template: Chinese header row, example rows and an instructions sheet")
    ResponseEntity<byte[]> template() {
        return pages.template(PAGE);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): every row checked, the good rows registered at "
            + "once; a plate or tag already registered to the same owner is unchanged, so a file imported again "
            + "registers nothing")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        return pages.run(PAGE, imports, file);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of a vehicle import this user ran")
    ImportReportView report(@PathVariable("id") UUID id) {
        return pages.view(PAGE, imports, id);
    }

    @GetMapping(value = "/{id}/report", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The report as xlsx: row, column, reason")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return pages.reportXlsx(PAGE, imports, id);
    }
}
