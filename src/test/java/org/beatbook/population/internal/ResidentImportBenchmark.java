package org.beatbook.population.internal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.beatbook.population.IdNumber;
import org.beatbook.population.ResidentFiles;
import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Role;
import org.beatbook.shared.security.Scope;
import org.beatbook.shared.spreadsheet.ImportReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the suite. {@code ./mvnw -o test -Dtest=ResidentImportBenchmark -Dbenchmark=true
 * -Dbenchmark.rows=100000} writes a resident file of that many rows (realistic names, valid unique ID numbers,
 * phones, every residence type, family members with relationships, tags, move-in dates) spread over the demo
 * community's rooms, imports it through {@link ResidentImport} (read, check, plan, COPY, report, audit) as a
 * community officer, then imports the same file again (everything unchanged). Prints both times.
 */
@SpringBootTest(properties = "beatbook.demo=true")
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ResidentImportBenchmark {

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任单解仇区";
    static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞浩宇轩子涵欣怡梓晨雨佳琪俊峰建国志文博瑞思嘉";
    static final String[] TYPES = {"业主", "家庭成员", "租户", "暂住人员", "网约房住客", "OWNER", "TENANT"};
    static final String[] RELATIONSHIPS = {"配偶", "子", "女", "父亲", "母亲"};

    @Autowired ResidentImport imports;
    @Autowired JdbcClient jdbc;

    @Test
    void importsAHundredThousandRowsAndThenNothingNew() throws Exception {
        int n = Integer.getInteger("benchmark.rows", 100_000);
        List<String> rooms = jdbc.sql("select code from address.node where level = 'ROOM' and retired_at is null order by code")
                .query(String.class).list();
        String community = jdbc.sql("select path::text from address.node where level = 'COMMUNITY' order by code limit 1")
                .query(String.class).single();
        Caller officer = new Caller(1L, "bench-officer", "基准", Role.COMMUNITY_OFFICER, List.of(community),
                new Scope(List.of(community)));
        Path file = Files.createTempFile("residents", ".xlsx");
        long t0 = System.nanoTime();
        generate(file, n, rooms, new Random(42));
        System.out.printf("BENCH generated %d rows over %d rooms in %d ms (%d KB)%n", n, rooms.size(),
                (System.nanoTime() - t0) / 1_000_000, Files.size(file) / 1024);
        long before = jdbc.sql("select count(*) from population.person").query(Long.class).single();

        long t1 = System.nanoTime();
        ImportReport first;
        try (InputStream in = Files.newInputStream(file)) {
            first = imports.importFile(in, "bench.xlsx", officer);
        }
        long firstMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("BENCH first import: %d ms; rows=%d created=%d residences=%d unchanged=%d rejected=%d%n",
                firstMs, first.rows(), first.created(), first.updated(), first.unchanged(), first.rejected());

        long t2 = System.nanoTime();
        ImportReport second;
        try (InputStream in = Files.newInputStream(file)) {
            second = imports.importFile(in, "bench.xlsx", officer);
        }
        long secondMs = (System.nanoTime() - t2) / 1_000_000;
        System.out.printf("BENCH second import of the same file: %d ms; created=%d residences=%d unchanged=%d%n",
                secondMs, second.created(), second.updated(), second.unchanged());
        Files.delete(file);

        assertThat(first.rejected()).isZero();
        assertThat(first.created()).isEqualTo(n);
        assertThat(jdbc.sql("select count(*) from population.person").query(Long.class).single() - before).isEqualTo(n);
        assertThat(second.created() + second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(n);
        assertThat(firstMs).as("100,000 rows in under 60 s").isLessThan(60_000);
    }

    /** {@code n} rows, each a distinct person: ID numbers from consecutive birth dates × sequence numbers. */
    static void generate(Path file, int n, List<String> rooms, Random random) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(1000); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("住户");
            write(sheet.createRow(0), ResidentFiles.HEADER);
            LocalDate born = LocalDate.of(1940, 1, 1);
            for (int i = 0; i < n; i++) {
                LocalDate birth = born.plusDays(i % 25_000);
                String body = "340524" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", i / 25_000 + 50);
                String id = body + IdNumber.checkCharacter(body);
                String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                        + GIVEN.charAt(random.nextInt(GIVEN.length()))
                        + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
                String type = TYPES[random.nextInt(TYPES.length)];
                String relationship = type.equals("家庭成员") ? RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)] : "";
                String moveIn = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)).toString();
                if (moveIn.compareTo(birth.toString()) < 0) {
                    moveIn = birth.toString();
                }
                write(sheet.createRow(i + 1), List.of(name, "", id, "1" + (3 + random.nextInt(7))
                                + String.format("%09d", random.nextInt(1_000_000_000)), rooms.get(random.nextInt(rooms.size())),
                        type, random.nextInt(10) == 0 ? "回族" : "汉族", relationship, moveIn,
                        random.nextInt(5) == 0 ? "教师" : "", random.nextInt(5) == 0 ? "幸福小学" : "",
                        random.nextInt(50) == 0 ? "独居老人" : ""));
            }
            wb.write(out);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }
}
