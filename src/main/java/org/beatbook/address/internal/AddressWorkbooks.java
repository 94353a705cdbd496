package org.beatbook.address.internal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;
import org.beatbook.address.internal.AddressSheetReader.Column;
import org.beatbook.shared.spreadsheet.Workbooks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

/** The xlsx files the import offers: the empty template with its instructions, and the report of a run. */
@Component
public class AddressWorkbooks {

    private final MessageSource messages;
    private final Workbooks workbooks;

    AddressWorkbooks(MessageSource messages, Workbooks workbooks) {
        this.messages = messages;
        this.workbooks = workbooks;
    }

    /** Header row 编码, 上级编码, 层级, 名称, 类别, 纬度, 经度 (code columns typed as text), and an instructions sheet. */
    public byte[] template(Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = boldStyle(wb);
            CellStyle text = wb.createCellStyle();
            DataFormat format = wb.createDataFormat();
            text.setDataFormat(format.getFormat("@"));
            Sheet sheet = wb.createSheet(msg("address.import.sheet.data", locale));
            Row header = sheet.createRow(0);
            for (Column c : Column.values()) {
                header.createCell(c.ordinal()).setCellValue(c.header);
                header.getCell(c.ordinal()).setCellStyle(bold);
                sheet.setColumnWidth(c.ordinal(), (c == Column.NAME ? 24 : 16) * 256);
                if (c == Column.CODE || c == Column.PARENT_CODE) {
                    sheet.setDefaultColumnStyle(c.ordinal(), text);
                }
            }
            sheet.createFreezePane(0, 1);

            Sheet help = wb.createSheet(msg("address.import.sheet.help", locale));
            help.setColumnWidth(0, 18 * 256);
            help.setColumnWidth(1, 24 * 256);
            help.setColumnWidth(2, 60 * 256);
            int r = 0;
            for (String key : new String[]{"address.import.help.1", "address.import.help.2", "address.import.help.3",
                    "address.import.help.4", "address.import.help.5"}) {
                help.createRow(r++).createCell(0).setCellValue(msg(key, locale));
            }
            r++;
            Row levelHead = help.createRow(r++);
            cells(levelHead, bold, msg("address.import.help.levelValue", locale), msg("address.field.level", locale),
                    msg("address.import.help.parents", locale));
            for (AddressLevel l : AddressLevel.values()) {
                String parents = AddressRules.parentLevels(l).stream()
                        .map(p -> msg("address.level." + p.name(), locale)).collect(Collectors.joining("、"));
                if (AddressRules.mayHangUnder(l, null)) {
                    parents = parents.isEmpty() ? msg("address.import.help.root", locale) : parents;
                }
                cells(help.createRow(r++), null, msg("address.level." + l.name(), locale), l.name(), parents);
            }
            r++;
            cells(help.createRow(r++), bold, msg("address.import.help.categoryValue", locale),
                    msg("address.field.category", locale), "");
            for (PlaceCategory c : PlaceCategory.values()) {
                cells(help.createRow(r++), null, msg("address.category." + c.name(), locale), c.name(), "");
            }
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Summary and one line per problem: row, column, reason in the reader's language. */
    public byte[] report(ImportReport report, Locale locale) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = boldStyle(wb);
            Sheet sheet = wb.createSheet(msg("address.import.report.title", locale));
            int r = 0;
            cells(sheet.createRow(r++), bold, msg("address.import.report.file", locale), report.fileName());
            cells(sheet.createRow(r++), null, msg("address.import.report.rows", locale), String.valueOf(report.rows()));
            cells(sheet.createRow(r++), null, msg("address.import.report.created", locale), String.valueOf(report.created()));
            cells(sheet.createRow(r++), null, msg("address.import.report.updated", locale), String.valueOf(report.updated()));
            cells(sheet.createRow(r++), null, msg("address.import.report.unchanged", locale), String.valueOf(report.unchanged()));
            cells(sheet.createRow(r++), null, msg("address.import.report.rejected", locale), String.valueOf(report.rejected()));
            r++;
            cells(sheet.createRow(r++), bold, msg("address.import.report.row", locale),
                    msg("address.import.report.column", locale), msg("address.import.report.reason", locale));
            for (ImportProblem p : report.problems()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(p.row());
                row.createCell(1).setCellValue(column(p.column(), locale));
                row.createCell(2).setCellValue(problem(p, locale));
            }
            sheet.setColumnWidth(0, 12 * 256);
            sheet.setColumnWidth(1, 14 * 256);
            sheet.setColumnWidth(2, 70 * 256);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column's header as shown in the template, or "—" for the whole row. */
    public String column(String field, Locale locale) {
        return field == null ? "—" : msg("address.field." + field, locale);
    }

    /** The problem's reason in the reader's language. */
    public String problem(ImportProblem p, Locale locale) {
        return workbooks.reason(p.key(), p.args(), locale);
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

    private static CellStyle boldStyle(Workbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle style = wb.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        if (wb instanceof SXSSFWorkbook s) {
            s.close();
        }
        return out.toByteArray();
    }
}
