package org.beatbook.exchange.internal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.beatbook.exchange.internal.VolumeRanking.CompoundVolume;
import org.springframework.context.MessageSource;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The ranking as an xlsx sheet: a title row with the period, the column heads, one row per compound, the total. */
public final class VolumeWorkbook {

    private static final List<String> COLUMNS = List.of("rank", "compound", "code", "collected", "pushed", "rate");

    private VolumeWorkbook() { }

    public static void write(VolumeRanking ranking, MessageSource messages, Locale locale, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(messages.getMessage("exchange.volume.sheet", null, locale));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(messages.getMessage("exchange.volume.title", null, locale) + " "
                    + messages.getMessage("exchange.volume.range", new Object[] {ranking.from(), ranking.to()}, locale));
            title.getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                head.createCell(i).setCellValue(messages.getMessage("exchange.volume.col." + COLUMNS.get(i), null, locale));
                head.getCell(i).setCellStyle(bold);
            }
            int r = 2;
            for (CompoundVolume c : ranking.compounds()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(c.rank());
                row.createCell(1).setCellValue(c.name());
                row.createCell(2).setCellValue(c.code());
                row.createCell(3).setCellValue(c.collected());
                row.createCell(4).setCellValue(c.pushed());
                row.createCell(5).setCellValue(c.pushedRate() / 100.0);
            }
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            for (int i = 2; i < r; i++) {
                sheet.getRow(i).getCell(5).setCellStyle(percent);
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue(messages.getMessage("exchange.volume.total",
                    new Object[] {ranking.totalCollected(), ranking.totalPushed()}, locale));
            sheet.setColumnWidth(1, 24 * 256);
            sheet.setColumnWidth(2, 22 * 256);
            for (int i : new int[] {3, 4, 5}) {
                sheet.setColumnWidth(i, 12 * 256);
            }
            book.write(out);
        }
    }
}
