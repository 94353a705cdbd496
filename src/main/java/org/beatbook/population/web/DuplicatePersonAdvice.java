package org.beatbook.population.web;

import org.beatbook.population.internal.DuplicatePerson;
import org.beatbook.shared.web.FieldMessage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * 409 for a registration that matches existing persons: the shared problem shape plus {@code duplicates}
 * (masked), so a client can offer to link instead of creating. A race lost to the unique index answers the same.
 */
@RestControllerAdvice(assignableTypes = PersonApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DuplicatePersonAdvice {

    private final MessageSource messages;

    DuplicatePersonAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DuplicatePerson.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicatePerson e) {
        List<FieldMessage> errors = e.violations().stream()
                .map(v -> new FieldMessage(v.field(), text(v.messageKey(), v.args()))).toList();
        ProblemDetail pd = problem(errors);
        pd.setProperty("duplicates", e.duplicates());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> raced(DuplicateKeyException e) {
        ProblemDetail pd = problem(List.of(new FieldMessage("idNumber", text("population.duplicate.document"))));
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private ProblemDetail problem(List<FieldMessage> errors) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        pd.setTitle(text("error.status.409"));
        pd.setDetail(errors.get(0).message());
        pd.setProperty("errors", errors);
        return pd;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
