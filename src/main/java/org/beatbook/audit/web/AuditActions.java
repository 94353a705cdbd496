package org.beatbook.audit.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * The actions the search page offers in its action filter: every code that has a label ({@code audit.action.<code>}
 * in {@code messages/audit.properties}), sorted by code, so one module's actions stand together. The labels themselves
 * are rendered through the message source in the reader's language; a code without a label is shown bare.
 * {@code AuditActionLabelTests} keeps the labels in step with the codes the application records.
 */
final class AuditActions {

    static final String LABEL_PREFIX = "audit.action.";
    static final String BUNDLE = "messages/audit.properties";

    /** Read once: the bundle is part of the jar. */
    static final List<String> KNOWN = load();

    private AuditActions() {
    }

    private static List<String> load() {
        Properties p = new Properties();
        try (InputStream in = AuditActions.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.stringPropertyNames().stream()
                .filter(k -> k.startsWith(LABEL_PREFIX))
                .map(k -> k.substring(LABEL_PREFIX.length()))
                .sorted()
                .toList();
    }
}
