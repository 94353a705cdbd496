package org.beatbook.population.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.population.internal.ResidentImport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportReportView;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** Residents from the xlsx template; reports of the caller's own imports. */
@RestController
@RequestMapping("/api/v1/imports/residents")
@PreAuthorize(PersonApiController.OPERATIONAL)
@Tag(name = "resident import", description = "xlsx bulk import of residents with a per-row report")
class ResidentImportApiController {

    private final ResidentImport imports;
    private final ResidentWorkbooks workbooks;

    ResidentImportApiController(ResidentImport imports, ResidentWorkbooks workbooks) {
        this.imports = imports;
        this.workbooks = workbooks;
    }

    @GetMapping(value = "/template", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The xlsx template: Chinese header row, an example row and an instructions sheet")
    ResponseEntity<byte[]> template() {
        return workbooks.template(LocaleContextHolder.getLocale());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): good rows imported, bad rows reported; "
            + "importing the same file again creates nothing")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        ImportReport report = Xlsx.upload(file,
                in -> imports.importFile(in, file.getOriginalFilename(), Caller.current()));
        return workbooks.view(report, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of a resident import this user ran")
    ImportReportView report(@PathVariable UUID id) {
        return workbooks.view(workbooks.find(id), LocaleContextHolder.getLocale());
    }

    @GetMapping(value = "/{id}/report", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The report as xlsx: row, column, reason")
    ResponseEntity<byte[]> reportXlsx(@PathVariable UUID id) {
        return workbooks.report(workbooks.find(id), LocaleContextHolder.getLocale());
    }
}
