package org.beatbook.address.internal;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.beatbook.shared.web.InvalidInput;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Reads the address sheet (the first sheet) of an uploaded xlsx by streaming its XML, so a 200,000-row file
 * needs no workbook in memory. Columns are found by their header (Chinese or English), so their order is free.
 * Anything that is not a readable xlsx, a file without the required columns, or one with too many rows is an
 * {@link InvalidInput} on {@code file}.
 */
public final class AddressSheetReader {

    /** The columns, in template order, with their Chinese and English headers. */
    public enum Column {
        CODE("编码", "code"), PARENT_CODE("上级编码", "parentCode"), LEVEL("层级", "level"), NAME("名称", "name"),
        CATEGORY("类别", "category"), LATITUDE("纬度", "latitude"), LONGITUDE("经度", "longitude");

        public final String header;
        public final String field;

        Column(String header, String field) {
            this.header = header;
            this.field = field;
        }
    }

    /** A data row as typed: 1-based sheet row number and the raw text of each column (null when empty). */
    public record RawRow(int row, String[] cells) {
        public String get(Column c) {
            return cells[c.ordinal()];
        }
    }

    private static final int MAX_CELL_CHARS = 1000;

    static {
        // zip-bomb guards: refuse entries that inflate more than 100x or past 256 MB, and archives of many entries
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1000);
        ZipSecureFile.setMaxTextSize(64L * 1024 * 1024);
    }

    private AddressSheetReader() {
    }

    public static List<RawRow> read(Path file, int maxRows) {
        if (!looksLikeZip(file)) {
            throw InvalidInput.of("file", "address.import.error.notXlsx");
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw InvalidInput.of("file", "address.import.error.noSheet");
            }
            Collector collector = new Collector(maxRows);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, collector,
                        new PlainNumbers(), false));
                xml.parse(new InputSource(sheet));
            }
            if (collector.columns == null) {
                throw InvalidInput.of("file", "address.import.error.empty");
            }
            return collector.rows;
        } catch (InvalidInput e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooManyRows) {
                    throw InvalidInput.of("file", "address.import.error.tooManyRows", maxRows);
                }
                if (t instanceof MissingColumn m) {
                    throw InvalidInput.of("file", "address.import.error.missingColumn", m.header);
                }
            }
            // corrupt zip, not an OOXML package, not a spreadsheet, inflation too high, malformed XML, ...
            throw InvalidInput.of("file", "address.import.error.notXlsx");
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    private static boolean looksLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return Arrays.equals(head, new byte[]{'P', 'K', 3, 4});
        } catch (IOException e) {
            return false;
        }
    }

    /** Collects rows: the first non-empty row is the header, later non-empty rows are data. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int maxRows;
        final List<RawRow> rows = new ArrayList<>();
        int[] columns; // sheet column index → Column ordinal, -1 when ignored
        private String[] current;
        private int nextColumn;
        private String[] headerCells;

        Collector(int maxRows) {
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            nextColumn = 0;
            if (columns == null) {
                headerCells = new String[64];
            } else {
                current = new String[Column.values().length];
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? nextColumn : new CellReference(ref).getCol();
            nextColumn = col + 1;
            if (value == null) {
                return;
            }
            String v = value.strip();
            if (v.isEmpty()) {
                return;
            }
            if (v.length() > MAX_CELL_CHARS) {
                v = v.substring(0, MAX_CELL_CHARS);
            }
            if (columns == null) {
                if (col < headerCells.length) {
                    headerCells[col] = v;
                }
            } else if (col < columns.length && columns[col] >= 0) {
                current[columns[col]] = v;
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (columns == null) {
                if (Arrays.stream(headerCells).allMatch(c -> c == null)) {
                    return;
                }
                columns = header(headerCells);
                return;
            }
            if (Arrays.stream(current).allMatch(c -> c == null)) {
                return;
            }
            if (rows.size() >= maxRows) {
                throw new TooManyRows();
            }
            rows.add(new RawRow(rowNum + 1, current));
        }

        private static int[] header(String[] cells) {
            int[] map = new int[cells.length];
            Arrays.fill(map, -1);
            boolean[] seen = new boolean[Column.values().length];
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null) {
                    continue;
                }
                String h = cells[i].replaceAll("[\\s*＊]", "").toLowerCase(Locale.ROOT);
                for (Column c : Column.values()) {
                    if (!seen[c.ordinal()] && (h.equals(c.header) || h.equals(c.field.toLowerCase(Locale.ROOT)))) {
                        map[i] = c.ordinal();
                        seen[c.ordinal()] = true;
                    }
                }
            }
            for (Column required : List.of(Column.PARENT_CODE, Column.LEVEL, Column.NAME)) {
                if (!seen[required.ordinal()]) {
                    throw new MissingColumn(required.header);
                }
            }
            return map;
        }
    }

    /** Numbers as typed: a code or coordinate typed into a General cell must not come back as 3.40524E+11. */
    private static final class PlainNumbers extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (formatString == null || "General".equalsIgnoreCase(formatString) || "@".equals(formatString)) {
                if (Double.isFinite(value)) {
                    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
                }
            }
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }

    private static final class MissingColumn extends RuntimeException {
        final String header;

        MissingColumn(String header) {
            super(null, null, false, false);
            this.header = header;
        }
    }
}
