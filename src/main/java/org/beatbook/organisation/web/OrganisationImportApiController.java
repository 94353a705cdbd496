package org.beatbook.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.organisation.internal.OrganisationImport;
import org.beatbook.organisation.internal.OrganisationSheet;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.beatbook.shared.spreadsheet.ImportReportView;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.beatbook.shared.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Bulk registration of organisations from the xlsx template. */
@RestController
@RequestMapping("/api/v1/imports/organisations")
@PreAuthorize(OrganisationApiController.OPERATIONAL)
@Tag(name = "organisation import", description = "xlsx bulk import of organisations")
class OrganisationImportApiController {

    private final OrganisationImport imports;
    private final Workbooks workbooks;
    private final MessageSource messages;

    OrganisationImportApiController(OrganisationImport imports, Workbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping(value = "/template", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The empty xlsx template with an instructions sheet")
    ResponseEntity<byte[]> template() {
        return template(workbooks, messages, LocaleContextHolder.getLocale());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): every row checked, all good rows written at once")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        ImportReport report = run(imports, file);
        return workbooks.view(report, OrganisationSheet.COLUMNS, LocaleContextHolder.getLocale());
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of an import this user ran")
    ImportReportView report(@PathVariable("id") UUID id) {
        return workbooks.view(find(imports, id), OrganisationSheet.COLUMNS, LocaleContextHolder.getLocale());
    }

    @GetMapping(value = "/{id}/report", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "The report of an import as xlsx")
    ResponseEntity<byte[]> reportXlsx(@PathVariable("id") UUID id) {
        return Xlsx.download(workbooks.report(find(imports, id), OrganisationSheet.COLUMNS,
                LocaleContextHolder.getLocale()), "organisation-import-report.xlsx");
    }

    static ImportReport run(OrganisationImport imports, MultipartFile file) {
        return Xlsx.upload(file, in -> imports.importFile(in, file.getOriginalFilename(), Caller.current()));
    }

    static ImportReport find(OrganisationImport imports, UUID id) {
        return imports.report(id, Caller.current()).orElseThrow(() -> new ImportNotFound(id));
    }

    static ResponseEntity<byte[]> template(Workbooks workbooks, MessageSource messages, Locale locale) {
        List<String> help = List.of("organisation.import.help.1", "organisation.import.help.2",
                        "organisation.import.help.3", "organisation.import.help.4")
                .stream().map(k -> messages.getMessage(k, null, k, locale)).toList();
        List<List<String>> examples = List.of(List.of("含山县恒达商贸有限公司", "91340522MA2N0C1X4W",
                "(地址编码)", "企业", "批发零售", "王伟", "", "0555-5321234", "李强", "13955512345", "营业"));
        return Xlsx.download(workbooks.template(messages.getMessage("organisation.import.sheet", null, locale),
                OrganisationSheet.COLUMNS, examples, help, locale), "organisation-template.xlsx");
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class ImportNotFound extends NotFound {
        ImportNotFound(UUID id) {
            super("organisation import", id.toString());
        }
    }
}
