package org.beatbook.housing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.housing.internal.HouseImport;
import org.beatbook.housing.internal.HouseSheet;
import org.beatbook.housing.internal.HouseNotFound;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportReportView;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.springframework.context.MessageSource;
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

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Bulk import of houses and tenancies from the xlsx template. */
@RestController
@RequestMapping("/api/v1/imports/houses")
@PreAuthorize(HouseApiController.OPERATIONAL)
@Tag(name = "house import", description = "xlsx import of houses and tenancies")
class HouseImportApiController {

    private final HouseImport imports;
    private final Workbooks workbooks;
    private final MessageSource messages;

    HouseImportApiController(HouseImport imports, Workbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping(value = "/template", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The xlsx template (Chinese headers) with an instructions sheet")
    ResponseEntity<byte[]> template() {
        return Xlsx.download(template(workbooks, messages, LocaleContextHolder.getLocale()), "house-template.xlsx");
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): every row checked, the good rows written at once")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        ImportReport report = Xlsx.upload(file, in -> imports.importFile(in, file.getOriginalFilename(), Caller.current()));
        return workbooks.view(report, HouseSheet.COLUMNS, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of an import this user ran")
    ImportReportView report(@PathVariable UUID id) {
        return workbooks.view(find(imports, id), HouseSheet.COLUMNS, LocaleContextHolder.getLocale());
    }

    @GetMapping(value = "/{id}/report", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The report of an import as xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable UUID id) {
        return Xlsx.download(workbooks.report(find(imports, id), HouseSheet.COLUMNS, LocaleContextHolder.getLocale()),
                "house-import-report.xlsx");
    }

    static ImportReport find(HouseImport imports, UUID id) {
        return imports.report(id, Caller.current()).orElseThrow(() -> new HouseNotFound("import", id.toString()));
    }

    static byte[] template(Workbooks workbooks, MessageSource messages, Locale locale) {
        List<String> help = List.of(messages.getMessage("housing.template.help1", null, locale),
                messages.getMessage("housing.template.help2", null, locale),
                messages.getMessage("housing.template.help3", null, locale),
                messages.getMessage("housing.template.help4", null, locale));
        List<List<String>> examples = List.of(List.of("3405241000010010010101", "出租", "王建国", "", "13955550101",
                "王建国", "13955550101", "李明", "34052419900101001X", "13800000001", "2026-03-01", "2027-02-28",
                "ZL2026-0101", "2026-11-20", "正常", ""));
        return workbooks.template(messages.getMessage("housing.template.sheet", null, locale), HouseSheet.COLUMNS,
                examples, help, locale);
    }
}
