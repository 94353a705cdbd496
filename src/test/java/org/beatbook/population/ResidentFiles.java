package org.beatbook.population;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Resident import files as a person fills them in: the template's Chinese header, then rows of text cells. */
public final class ResidentFiles {

    /** The template's header, in the template's order. */
    public static final List<String> HEADER = List.of("姓名", "证件类型", "公民身份号码", "联系电话", "地址编码", "居住类型",
            "民族", "与户主关系", "入住日期", "职业", "工作单位", "标签");

    private ResidentFiles() {
    }

    /** One row: name, id number, phone, room code, residence type; the optional cells empty. */
    public static List<String> row(String name, String idNumber, String phone, String room, String type) {
        return List.of(name, "", idNumber, phone, room, type, "", "", "", "", "", "");
    }

    /** A row with every cell given, in {@link #HEADER} order. */
    public static List<String> full(String... cells) {
        return List.of(cells);
    }

    public static byte[] xlsx(List<List<String>> rows) {
        return xlsx(HEADER, rows);
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("住户");
            write(sheet.createRow(0), header);
            int r = 1;
            for (List<String> row : rows) {
                write(sheet.createRow(r++), row);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }
}
