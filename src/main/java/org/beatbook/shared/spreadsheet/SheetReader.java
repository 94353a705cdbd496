package org.beatbook.shared.spreadsheet;

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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the first sheet of an uploaded xlsx by streaming its XML, so a 200,000-row file needs no workbook in memory.
 * Columns are found by their header (the template's Chinese header or the field name), so their order is free and
 * unknown columns are ignored. The first non-empty row is the header; empty rows are skipped. Anything that is not a
 * readable xlsx, a file without a required column, or one with too many rows is an {@link InvalidInput} on
 * {@code file}, so nothing of it is imported.
 */
public final class SheetReader {

    private static final int MAX_CELL_CHARS = 1000;
    private static final int MAX_COLUMNS = 256;

    static {
        // zip-bomb guards: refuse entries that inflate more than 100x or past 256 MB, and archives of many entries
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(256L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1000);
        ZipSecureFile.setMaxTextSize(64L * 1024 * 1024);
    }

    private SheetReader() {
    }

    /** Copies the upload to a temporary file (POI streams from files) and reads it. */
    public static List<SheetRow> read(InputStream upload, List<SheetColumn> columns, int maxRows) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("beatbook-import", ".xlsx");
            Files.copy(upload, tmp, StandardCopyOption.REPLACE_EXISTING);
            return read(tmp, columns, maxRows);
        } catch (IOException e) {
            throw InvalidInput.of("file", "error.upload.malformed");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp directory is cleaned by the system
                }
            }
        }
    }

    public static List<SheetRow> read(Path file, List<SheetColumn> columns, int maxRows) {
        if (!looksLikeZip(file)) {
            throw InvalidInput.of("file", "spreadsheet.error.notXlsx");
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw InvalidInput.of("file", "spreadsheet.error.noSheet");
            }
            Collector collector = new Collector(columns, maxRows);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, collector,
                        new PlainNumbers(), false));
                xml.parse(new InputSource(sheet));
            }
            if (collector.map == null) {
                throw InvalidInput.of("file", "spreadsheet.error.empty", columns.get(0).header());
            }
            return collector.rows;
        } catch (InvalidInput e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof TooManyRows) {
                    throw InvalidInput.of("file", "spreadsheet.error.tooManyRows", maxRows);
                }
                if (t instanceof MissingColumn m) {
                    throw InvalidInput.of("file", "spreadsheet.error.missingColumn", m.header);
                }
            }
            // corrupt zip, not an OOXML package, not a spreadsheet, inflation too high, malformed XML, ...
            throw InvalidInput.of("file", "spreadsheet.error.notXlsx");
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
        }
    }

    private static boolean looksLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), new byte[]{'P', 'K', 3, 4});
        } catch (IOException e) {
            return false;
        }
    }

    /** Collects rows: the first non-empty row is the header, later non-empty rows are data. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetColumn> columns;
        private final int maxRows;
        final List<SheetRow> rows = new ArrayList<>();
        int[] map; // sheet column index → template column index, -1 when ignored
        private String[] current;
        private String[] headerCells;
        private int nextColumn;

        Collector(List<SheetColumn> columns, int maxRows) {
            this.columns = columns;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            nextColumn = 0;
            if (map == null) {
                headerCells = new String[MAX_COLUMNS];
            } else {
                current = new String[columns.size()];
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
            if (map == null) {
                if (col < headerCells.length) {
                    headerCells[col] = v;
                }
            } else if (col < map.length && map[col] >= 0) {
                current[map[col]] = v;
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (map == null) {
                if (Arrays.stream(headerCells).allMatch(c -> c == null)) {
                    return;
                }
                map = header(headerCells);
                return;
            }
            if (Arrays.stream(current).allMatch(c -> c == null)) {
                return;
            }
            if (rows.size() >= maxRows) {
                throw new TooManyRows();
            }
            rows.add(new SheetRow(rowNum + 1, Arrays.asList(current)));
        }

        private int[] header(String[] cells) {
            int[] result = new int[cells.length];
            Arrays.fill(result, -1);
            boolean[] seen = new boolean[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] == null) {
                    continue;
                }
                for (int c = 0; c < columns.size(); c++) {
                    if (!seen[c] && columns.get(c).matches(cells[i])) {
                        result[i] = c;
                        seen[c] = true;
                        break;
                    }
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).required() && !seen[c]) {
                    throw new MissingColumn(columns.get(c).header());
                }
            }
            return result;
        }
    }

    /** Numbers as typed: a code, ID or phone typed into a General cell must not come back as 3.40524E+11. */
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
