package org.beatbook.alert.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.alert.internal.HotlistImport;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.ImportReportView;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.beatbook.shared.web.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Hotlist import from the xlsx template, for the station leader and the community officer. */
@RestController
@RequestMapping("/api/v1/imports/hotlist")
@PreAuthorize(HotlistApiController.KEEPERS)
@Tag(name = "hotlist import", description = "xlsx import of stolen plates and e-bike tags")
class HotlistImportApiController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final HotlistImport imports;
    private final Workbooks workbooks;
    private final MessageSource messages;

    HotlistImportApiController(HotlistImport imports, Workbooks workbooks, MessageSource messages) {
        this.imports = imports;
        this.workbooks = workbooks;
        this.messages = messages;
    }

    @GetMapping(value = "/template", produces = XLSX)
    @Operation(summary = "The empty xlsx template with an instructions sheet")
    ResponseEntity<byte[]> template() {
        Locale locale = LocaleContextHolder.getLocale();
        byte[] body = workbooks.template(messages.getMessage("alert.import.sheet", null, locale), HotlistImport.COLUMNS,
                List.of(List.of("PLATE", "皖EK7319", "市公安局被盗车辆通报", "A2026-118", "2026-11-01", "", ""),
                        List.of("TAG", "E28011606000BEEF", "县公安局两车被盗协查", "", "", "2027-05-31", "白色雅迪")),
                List.of(messages.getMessage("alert.import.help1", null, locale),
                        messages.getMessage("alert.import.help2", null, locale)), locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                .header("Content-Disposition", "attachment; filename=\"hotlist-template.xlsx\"").body(body);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import an xlsx (multipart field `file`): good rows listed at once, the rest reported")
    ImportReportView upload(@RequestParam(value = "file", required = false) MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "alert.import.noFile");
        }
        try (InputStream in = file.getInputStream()) {
            return workbooks.view(imports.importFile(in, file.getOriginalFilename(), Caller.current()),
                    HotlistImport.COLUMNS, LocaleContextHolder.getLocale());
        } catch (IOException e) {
            throw InvalidInput.of("file", "alert.import.noFile");
        }
    }
}
