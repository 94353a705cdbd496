package org.beatbook.population.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.beatbook.population.internal.ResidentRoster;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.spreadsheet.Xlsx;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;

/** The resident roster as a streamed xlsx ledger. */
@RestController
@PreAuthorize(PersonApiController.OPERATIONAL)
@Tag(name = "persons")
class ResidentRosterApiController {

    private final ResidentRoster roster;
    private final MessageSource messages;

    ResidentRosterApiController(ResidentRoster roster, MessageSource messages) {
        this.roster = roster;
        this.messages = messages;
    }

    @GetMapping(value = "/api/v1/persons/roster", produces = Xlsx.MEDIA_TYPE)
    @Operation(summary = "Resident roster (xlsx) of a compound or building (`under`, an address code) or of the whole "
            + "jurisdiction; numbers masked unless a `purpose` is given by a station leader or community officer. "
            + "Audited with purpose and row count")
    void roster(@RequestParam(required = false) String under, @RequestParam(required = false) String purpose,
                HttpServletResponse response) {
        roster.write(under, purpose, Caller.current(), download(response, messages, LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
    }

    /** Opens the response as an xlsx attachment, once the roster's checks have passed. */
    static Supplier<OutputStream> download(HttpServletResponse response, MessageSource messages, Locale locale) {
        return () -> {
            response.setContentType(Xlsx.MEDIA_TYPE);
            response.setHeader("Content-Disposition",
                    Xlsx.attachment(messages.getMessage("population.roster.file", null, locale)));
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
