package org.beatbook.device.viid;

import org.beatbook.device.viid.ViidReplies.ResponseStatus;
import org.beatbook.device.viid.ViidReplies.StatusReply;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Locale;

/** ResponseStatus answers, in GA/T 1400's content type, with localized StatusStrings. */
@Component
class ViidAnswers {

    static final MediaType VIID_JSON = new MediaType("application", "VIID+JSON", java.nio.charset.StandardCharsets.UTF_8);

    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    ViidAnswers(MessageSource messages) {
        this.messages = messages;
    }

    ResponseStatus ok(String id, String url, Locale locale) {
        return status(id, url, ViidReplies.OK, text("viid.status.ok", locale));
    }

    ResponseStatus status(String id, String url, String code, String statusString) {
        return new ResponseStatus(id, url, code, statusString, ViidReplies.localTime(clock.instant()));
    }

    /** "field: rule" for a field at fault. */
    String fieldProblem(String field, String messageKey, Locale locale, Object... args) {
        return field + ": " + text(messageKey, locale, args);
    }

    String text(String messageKey, Locale locale, Object... args) {
        return messages.getMessage(messageKey, args, messageKey, locale);
    }

    <T> ResponseEntity<T> reply(HttpStatus status, T body) {
        return ResponseEntity.status(status).contentType(VIID_JSON).body(body);
    }

    ResponseEntity<StatusReply> error(HttpStatus status, String id, String url, String code, String statusString) {
        return reply(status, new StatusReply(status(id, url, code, statusString)));
    }

    ResponseEntity<StatusReply> challenge(String header, String url, Locale locale) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(VIID_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, header)
                .body(new StatusReply(status(null, url, ViidReplies.INVALID_OPERATION, text("viid.status.unauthorized", locale))));
    }
}
