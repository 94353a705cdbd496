package org.beatbook.shared.database;

import org.postgresql.PGConnection;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * Rows for one PostgreSQL {@code COPY … FROM STDIN} in text format, sent on the transaction's connection: the
 * bulk paths (imports, demo data, the device event writer) write a table in one statement instead of a round trip
 * per row, through PostgreSQL's fastest insert path.
 */
public final class CopyRows {

    private final String target;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private int rows;

    /** @param target table and columns, e.g. {@code population.person_phone (person_id, position, phone)} */
    public CopyRows(String target) {
        this.target = target;
    }

    /** One row; values are null, numbers, strings, dates or string collections (written as arrays). */
    public CopyRows row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                text.append("\\N");
            } else if (v instanceof Number || v instanceof UUID || v instanceof Instant || v instanceof LocalDate) {
                text.append(v); // nothing in their text needs escaping
            } else if (v instanceof Collection<?> c) {
                escape(array(c));
            } else if (v instanceof String[] a) {
                escape(array(java.util.Arrays.asList(a)));
            } else {
                escape(v.toString());
            }
        }
        text.append('\n');
        rows++;
        return this;
    }

    public int size() {
        return rows;
    }

    /** Sends the rows on the connection bound to the current transaction; returns the number written. */
    public long copy(DataSource dataSource) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN", new StringReader(text.toString()));
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) { // a row written meanwhile by someone else
                throw new DuplicateKeyException("COPY " + target + ": " + e.getMessage(), e);
            }
            throw new DataIntegrityViolationException("COPY " + target + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Nothing to escape: the usual case, copied whole. */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return false;
            }
        }
        return true;
    }

    /** A PostgreSQL array literal: every element quoted, quotes and backslashes escaped. */
    private static String array(Collection<?> items) {
        StringBuilder b = new StringBuilder("{");
        for (Object o : items) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"');
            String s = String.valueOf(o);
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '"' || ch == '\\') {
                    b.append('\\');
                }
                b.append(ch);
            }
            b.append('"');
        }
        return b.append('}').toString();
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    private void escape(String s) {
        if (plain(s)) {
            text.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }
}
