package org.beatbook.shared.spreadsheet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The xlsx files imports and ledgers offer: templates with instructions, import reports, and ledgers. */
@Component
public class Workbooks {

    private final MessageSource messages;

    Workbooks(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A template: a data sheet with the Chinese header row (text columns formatted as text, required headers marked
     * in the instructions), optional example rows, and an instructions sheet.
     *
     * @param sheetName   the data sheet's name
     * @param helpLines   instruction lines, already localized
     * @param examples    example data rows (cells in column order); may be empty
     */
    public byte[] template(String sheetName, List<SheetColumn> columns, List<List<String>> examples,
                           List<String> helpLines, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = bold(wb);
            CellStyle text = wb.createCellStyle();
            text.setDataFormat(wb.createDataFormat().getFormat("@"));
            Sheet sheet = wb.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                SheetColumn col = columns.get(c);
                header.createCell(c).setCellValue(col.header());
                header.getCell(c).setCellStyle(bold);
                sheet.setColumnWidth(c, col.width() * 256);
                if (col.text()) {
                    sheet.setDefaultColumnStyle(c, text);
                }
            }
            int r = 1;
            for (List<String> example : examples) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < example.size() && c < columns.size(); c++) {
                    row.createCell(c).setCellValue(example.get(c));
                    if (columns.get(c).text()) {
                        row.getCell(c).setCellStyle(text);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            Sheet help = wb.createSheet(msg("spreadsheet.help.sheet", locale));
            help.setColumnWidth(0, 100 * 256);
            int h = 0;
            for (String line : helpLines) {
                help.createRow(h++).createCell(0).setCellValue(line);
            }
            h++;
            help.createRow(h++).createCell(0).setCellValue(msg("spreadsheet.help.required", locale));
            for (SheetColumn col : columns) {
                if (col.required()) {
                    help.createRow(h++).createCell(0).setCellValue("· " + col.header() + " (" + col.field() + ")");
                }
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Summary and one line per problem: row, column header, reason in the reader's language. */
    public byte[] report(ImportReport report, List<SheetColumn> columns, Locale locale) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = bold(wb);
            Sheet sheet = wb.createSheet(msg("spreadsheet.report.title", locale));
            int r = 0;
            cells(sheet.createRow(r++), bold, msg("spreadsheet.report.file", locale), report.fileName());
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            counts.put("spreadsheet.report.rows", report.rows());
            counts.put("spreadsheet.report.created", report.created());
            counts.put("spreadsheet.report.updated", report.updated());
            counts.put("spreadsheet.report.unchanged", report.unchanged());
            counts.put("spreadsheet.report.rejected", report.rejected());
            for (var e : counts.entrySet()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(msg(e.getKey(), locale));
                row.createCell(1).setCellValue(e.getValue());
            }
            r++;
            cells(sheet.createRow(r++), bold, msg("spreadsheet.report.row", locale),
                    msg("spreadsheet.report.column", locale), msg("spreadsheet.report.reason", locale));
            for (RowProblem p : report.problems()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.row());
                row.createCell(1).setCellValue(column(p.field(), columns));
                row.createCell(2).setCellValue(reason(p, locale));
            }
            sheet.setColumnWidth(0, 12 * 256);
            sheet.setColumnWidth(1, 16 * 256);
            sheet.setColumnWidth(2, 70 * 256);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as the API and the report page show it: problems localized, columns by their header. */
    public ImportReportView view(ImportReport r, List<SheetColumn> columns, Locale locale) {
        List<ImportReportView.Problem> problems = r.problems().stream()
                .map(p -> new ImportReportView.Problem(p.row(), p.field(), column(p.field(), columns), reason(p, locale)))
                .toList();
        return new ImportReportView(r.id(), r.kind(), r.fileName(), r.at(), r.rows(), r.created(), r.unchanged(),
                r.updated(), r.rejected(), problems);
    }

    /**
     * Streams a ledger (an export) of any length to {@code out}: a title row, the header row, then the rows. Only a
     * window of rows is held in memory.
     */
    public void ledger(OutputStream out, String sheetName, String title, List<String> headers,
                       Iterable<List<?>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            CellStyle bold = bold(wb);
            Sheet sheet = wb.createSheet(sheetName);
            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title);
            titleRow.getCell(0).setCellStyle(bold);
            cells(sheet.createRow(1), bold, headers.toArray(String[]::new));
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, Math.max(10, Math.min(40, headers.get(c).length() * 3 + 6)) * 256);
            }
            sheet.createFreezePane(0, 2);
            int r = 2;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String column(String field, List<SheetColumn> columns) {
        if (field == null) {
            return "—";
        }
        return columns.stream().filter(c -> c.field().equals(field)).map(SheetColumn::header).findFirst().orElse(field);
    }

    private String reason(RowProblem p, Locale locale) {
        return reason(p.key(), p.args(), locale);
    }

    /** A row problem's reason in the reader's language; an argument written {@code msg:key} is itself a message. */
    public String reason(String key, List<String> args, Locale locale) {
        Object[] resolved = args.stream()
                .map(a -> a.startsWith("msg:") ? new DefaultMessageSourceResolvable(a.substring(4)) : (Object) a)
                .toArray();
        return messages.getMessage(key, resolved, key, locale);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
            if (style != null) {
                row.getCell(i).setCellStyle(style);
            }
        }
    }

    private static CellStyle bold(Workbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }
}
