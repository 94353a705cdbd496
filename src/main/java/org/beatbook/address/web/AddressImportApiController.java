package org.beatbook.address.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.address.internal.AddressImport;
import org.beatbook.address.internal.AddressWorkbooks;
import org.beatbook.address.internal.ImportProblem;
import org.beatbook.address.internal.ImportReport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportPages;
import org.beatbook.shared.web.InvalidInput;
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

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Bulk import of address nodes from the xlsx template. */
@RestController
@RequestMapping("/api/v1/imports/addresses")
@Tag(name = "address import", description = "xlsx bulk import of the address tree")
@PreAuthorize(AddressApiController.WRITERS)
class AddressImportApiController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final AddressImport imports;
    private final AddressWorkbooks workbooks;

    AddressImportApiController(AddressImport imports, AddressWorkbooks workbooks) {
        this.imports = imports;
        this.workbooks = workbooks;
    }

    @Schema(description = "One rejected cell or row: 1-based sheet row, column (template header), reason")
    record ImportProblemView(int row, String field, String column, String message) {
    }

    @Schema(description = "Outcome of an import")
    record ImportReportView(UUID id, String fileName, Instant at, int rows, int created, int unchanged, int updated,
                            int rejected, List<ImportProblemView> problems) {
    }

    @GetMapping(value = "/template", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The empty xlsx template with an instructions sheet")
    ResponseEntity<byte[]> template() {
        return xlsx(workbooks.template(LocaleContextHolder.getLocale()), "address-template.xlsx");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): every row checked, all good rows written at once")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        ImportReport report = run(imports, file);
        return view(report, workbooks, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A report of an import this user ran")
    ImportReportView report(@PathVariable("id") UUID id) {
        return view(find(id), workbooks, LocaleContextHolder.getLocale());
    }

    @GetMapping(value = "/{id}/report", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The report of an import as xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return xlsx(workbooks.report(find(id), LocaleContextHolder.getLocale()), "address-import-report.xlsx");
    }

    private ImportReport find(UUID id) {
        return ImportPages.found(imports.report(id, Caller.current()), id);
    }

    static ImportReport run(AddressImport imports, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "address.import.error.noFile");
        }
        try (InputStream in = file.getInputStream()) {
            return imports.importFile(in, file.getOriginalFilename(), Caller.current());
        } catch (IOException e) {
            throw InvalidInput.of("file", "error.upload.malformed");
        }
    }

    static ImportReportView view(ImportReport r, AddressWorkbooks workbooks, Locale locale) {
        List<ImportProblemView> problems = r.problems().stream().map(p -> problem(p, workbooks, locale)).toList();
        return new ImportReportView(r.id(), r.fileName(), r.at(), r.rows(), r.created(), r.unchanged(), r.updated(),
                r.rejected(), problems);
    }

    private static ImportProblemView problem(ImportProblem p, AddressWorkbooks workbooks, Locale locale) {
        return new ImportProblemView(p.row(), p.column(), workbooks.column(p.column(), locale), workbooks.problem(p, locale));
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
