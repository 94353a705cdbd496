package org.beatbook.device.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.beatbook.device.DeviceIngest;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventFate;
import org.beatbook.shared.web.FieldMessage;
import org.beatbook.shared.web.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Devices push their events over HTTP; the answer comes only after the events are durable. */
@RestController
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = "deviceToken",
        type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A device's own token (bd_…), shown once when the device is registered or rotated")
@Tag(name = "device events", description = "Gate devices push events (device bearer token, not a user's)")
class DeviceEventsController {

    private static final Logger log = LoggerFactory.getLogger(DeviceEventsController.class);
    static final long WAIT_SECONDS = 30;

    /**
     * One event's fate.
     *
     * @param outcome STORED, DUPLICATE (stored before: stored once) or REJECTED
     * @param field   for REJECTED: the event's field at fault
     * @param reason  for REJECTED: why, in the request's language
     */
    record Result(String eventId, EventFate.Outcome outcome, String field, String reason) { }

    /** The answer: counts, and one result per submitted event, in order. */
    record Answer(int stored, int duplicates, int rejected, List<Result> results) { }

    /** Why nothing was acknowledged (the device must resend). */
    static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(Throwable cause) {
            super(cause);
        }
    }

    private final DeviceIngest ingest;
    private final MessageSource messages;

    DeviceEventsController(DeviceIngest ingest, MessageSource messages) {
        this.ingest = ingest;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/device-events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Push up to 1,000 events of the authenticated device",
            description = """
                    Body: {"events":[{"eventId","occurredAt" (ISO-8601 with offset),"kind" (DOOR_OPEN, VEHICLE_PASS, \
                    EBIKE_PASS, HEARTBEAT, ALARM),"direction" (IN, OUT),"plate","plateColor","tag","credential",\
                    "method","payload" (any JSON)}]}. Each event is judged alone: a bad one is REJECTED naming its \
                    field while the others are stored; an eventId the device sent before is DUPLICATE (stored once). \
                    The answer comes after the commit: what it calls STORED or DUPLICATE is durable. Reasons are in \
                    Chinese; add ?lang=en for English.""",
            security = @SecurityRequirement(name = "deviceToken"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object"))))
    @ApiResponse(responseCode = "200", description = "every event's fate")
    @ApiResponse(responseCode = "400", description = "the batch cannot be read: problem naming the field")
    @ApiResponse(responseCode = "401", description = "unknown, rotated or deactivated device token")
    @ApiResponse(responseCode = "503", description = "the store is unavailable: nothing acknowledged, resend")
    Answer push(@RequestAttribute(DeviceSecurityConfiguration.DEVICE_ATTRIBUTE) DeviceRef device,
                @RequestBody(required = false) byte[] body) throws InterruptedException {
        EventBatchParser.Parsed parsed = EventBatchParser.parse(body);
        if (parsed.problem() != null) {
            throw InvalidInput.of(parsed.problem().field(), parsed.problem().messageKey(), parsed.problem().args());
        }
        Locale locale = LocaleContextHolder.getLocale();
        List<EventFate> fates;
        try {
            fates = ingest.submit(device, parsed.events(), locale).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailable(e);
        }
        int stored = 0;
        int duplicates = 0;
        int rejected = 0;
        for (EventFate f : fates) {
            switch (f.outcome()) {
                case STORED -> stored++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        return new Answer(stored, duplicates, rejected,
                fates.stream().map(f -> new Result(f.eventId(), f.outcome(), f.field(), f.reason())).toList());
    }

    @ExceptionHandler(StoreUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(StoreUnavailable e) {
        log.warn("device events not acknowledged: {}", e.getCause().toString());
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        Locale locale = LocaleContextHolder.getLocale();
        pd.setTitle(messages.getMessage("error.status.503", null, "503", locale));
        String detail = messages.getMessage("device.api.unavailable", null, "", locale);
        pd.setDetail(detail);
        pd.setProperty("errors", List.of(new FieldMessage(null, detail)));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
