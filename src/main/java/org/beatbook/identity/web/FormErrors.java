package org.beatbook.identity.web;

import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Violations as a page shows them: messages in the user's language per field ({@code ""} for the form). */
final class FormErrors {

    private FormErrors() {
    }

    static Map<String, List<String>> of(List<Violation> violations, MessageSource messages) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Violation v : violations) {
            String text = messages.getMessage(v.messageKey(), v.args(), v.messageKey(), LocaleContextHolder.getLocale());
            out.computeIfAbsent(v.field() == null ? "" : v.field(), k -> new ArrayList<>()).add(text);
        }
        return out;
    }

    static Map<String, List<String>> of(InvalidInput e, MessageSource messages) {
        return of(e.violations(), messages);
    }

    static String text(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
