package org.beatbook.audit.web;

import org.beatbook.audit.internal.AuditEntry;
import org.springframework.context.MessageSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * CSV (RFC 4180) for Excel: UTF-8 with a byte-order mark so Chinese opens correctly, CRLF line ends,
 * and cells that a spreadsheet would run as a formula ({@code = + - @}) prefixed with an apostrophe.
 */
final class AuditCsv {

    static final char BOM = '\uFEFF';
    private static final List<String> COLUMNS = List.of("id", "time", "actor", "role", "action", "objectType",
            "objectId", "scope", "purpose", "result", "detail", "client", "prevHash", "hash");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header(MessageSource messages, Locale locale) {
        write(BOM);
        row(COLUMNS.stream().map(c -> messages.getMessage("audit.col." + c, null, c, locale)).toList());
    }

    void entry(AuditEntry e, MessageSource messages, Locale locale) {
        row(List.of(Long.toString(e.id()), AuditRow.SHOWN.format(e.occurredAt()), nz(e.actor()), nz(e.actorRole()),
                e.action(), nz(e.objectType()), nz(e.objectId()), nz(e.scopePath()), nz(e.purpose()),
                messages.getMessage("audit.result." + e.result(), null, e.result().name(), locale), nz(e.detail()),
                nz(e.clientAddress()), e.prevHash(), e.hash()));
    }

    private void row(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        write(sb.append("\r\n"));
    }

    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void write(Object s) {
        try {
            out.write(String.valueOf(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
