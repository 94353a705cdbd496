package org.beatbook.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every error of a {@code /api/v1} controller leaves here as RFC 9457 problem JSON with
 * {@code errors: [{field, message}]} in the caller's language. Nothing malformed answers 500,
 * and no stack trace or internal message ever reaches the caller.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;

    public ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest req) {
        List<FieldMessage> errors = e.violations().stream()
                .map(v -> new FieldMessage(v.field(), text(v.messageKey(), v.args())))
                .toList();
        return problem(e.status(), errors, req);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_FOUND, List.of(), req);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_FOUND, List.of(), req);
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bind(BindException e, HttpServletRequest req) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldError fe : e.getFieldErrors()) {
            errors.add(new FieldMessage(fe.getField(), messages.getMessage(fe, locale)));
        }
        e.getGlobalErrors().forEach(ge -> errors.add(new FieldMessage(null, messages.getMessage(ge, locale))));
        return problem(HttpStatus.BAD_REQUEST, errors, req);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(HandlerMethodValidationException e, HttpServletRequest req) {
        Locale locale = LocaleContextHolder.getLocale();
        List<FieldMessage> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new FieldMessage(r.getMethodParameter().getParameterName(),
                        messages.getMessage(err, locale)))));
        return problem(HttpStatus.BAD_REQUEST, errors, req);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, List.of(new FieldMessage(null, text("error.body.tooLarge"))), req);
            }
        }
        Throwable cause = e.getCause();
        FieldMessage error;
        if (cause instanceof UnrecognizedPropertyException u) {
            error = new FieldMessage(path(u), text("error.field.unknown"));
        } else if (cause instanceof InvalidFormatException f) {
            error = new FieldMessage(path(f), text("error.field.type", f.getTargetType().getSimpleName()));
        } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()
                && String.valueOf(m.getOriginalMessage()).contains("`null`")) {
            error = new FieldMessage(path(m), text("error.field.required"));
        } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            error = new FieldMessage(path(m), text("error.field.type",
                    m.getTargetType() == null ? "?" : m.getTargetType().getSimpleName()));
        } else if (cause instanceof JacksonException j && !(j instanceof StreamReadException) && !j.getPath().isEmpty()) {
            error = new FieldMessage(path(j), text("error.field.invalid"));
        } else if (cause == null || e.getMessage() != null && e.getMessage().startsWith("Required request body")) {
            error = new FieldMessage(null, text("error.body.missing"));
        } else {
            error = new FieldMessage(null, text("error.body.malformed"));
        }
        return problem(HttpStatus.BAD_REQUEST, List.of(error), req);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParam(MissingServletRequestParameterException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, List.of(new FieldMessage(e.getParameterName(), text("error.field.required"))), req);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        String type = e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName();
        return problem(HttpStatus.BAD_REQUEST, List.of(new FieldMessage(e.getName(), text("error.field.type", type))), req);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(new FieldMessage(null, text("error.mediaType"))), req);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_ACCEPTABLE, List.of(), req);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, List.of(), req);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> upload(MaxUploadSizeExceededException e, HttpServletRequest req) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, List.of(new FieldMessage("file", text("error.body.tooLarge"))), req);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, List.of(new FieldMessage("file", text("error.upload.malformed"))), req);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest req) {
        return problem(HttpStatus.FORBIDDEN, List.of(), req);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest req) {
        log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, List.of(), req);
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatusCode status, List<FieldMessage> errors, HttpServletRequest req) {
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(text("error.status." + status.value()));
        if (!errors.isEmpty()) {
            pd.setDetail(errors.get(0).message());
            pd.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(PROBLEM).body(pd);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
