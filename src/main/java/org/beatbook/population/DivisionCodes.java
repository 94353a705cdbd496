package org.beatbook.population;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The GB/T 2260 division code table shipped as {@code population/gbt2260.csv}: current codes (民政部,
 * end of 2020) and codes retired between 2002 and 2020 (see {@code gbt2260.NOTICE.md} for sources,
 * licences and limits). Loaded once, about 4,000 rows; lookups are map reads.
 */
public final class DivisionCodes {

    /** One row of the table. {@code retired} is empty for a current code, else the last revision (yyyyMM) listing it. */
    public record Division(String code, String name, DivisionLevel level, Optional<String> retired) {

        public boolean isCurrent() {
            return retired.isEmpty();
        }
    }

    private static final String RESOURCE = "/population/gbt2260.csv";
    private static final DivisionCodes TABLE = load();

    private final Map<String, Division> byCode;

    private DivisionCodes(Map<String, Division> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** The shipped table. */
    public static DivisionCodes table() {
        return TABLE;
    }

    /** The division with this exact six-digit code, current or historical. */
    public Optional<Division> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** Whether the six-digit code is a current or historical code in the table. */
    public boolean isKnown(String code) {
        return find(code).isPresent();
    }

    /** The Chinese name of the division, e.g. “朝阳区” for 110105. */
    public Optional<String> name(String code) {
        return find(code).map(Division::name);
    }

    /** The province (XX0000) that a code of any level lies in, if that province is in the table. */
    public Optional<Division> province(String code) {
        if (code == null || code.length() < 2 || !isDigit(code.charAt(0)) || !isDigit(code.charAt(1))) {
            return Optional.empty();
        }
        return find(code.substring(0, 2) + "0000");
    }

    /**
     * The prefecture (XXXX00) of a county code, if listed. Municipalities' counties (e.g. 110105) have
     * no prefecture row in current lists, so this is often empty for them.
     */
    public Optional<Division> city(String code) {
        if (code == null || code.length() != 6) {
            return Optional.empty();
        }
        return find(code.substring(0, 4) + "00");
    }

    /** Current county-level codes starting with {@code prefix} (e.g. "3405"), in code order. */
    public List<String> currentCounties(String prefix) {
        return byCode.values().stream()
                .filter(d -> d.isCurrent() && d.level() == DivisionLevel.COUNTY && d.code().startsWith(prefix))
                .filter(d -> !d.name().equals("市辖区"))
                .map(Division::code).sorted().toList();
    }

    /** Number of rows, for tests and diagnostics. */
    public int size() {
        return byCode.size();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static DivisionCodes load() {
        try (InputStream in = DivisionCodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DivisionCodes parse(BufferedReader reader) throws IOException {
        Map<String, Division> rows = new HashMap<>();
        String header = reader.readLine();
        if (!"code,name,level,retired".equals(header)) {
            throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
        }
        String line;
        int lineNo = 1;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4 || !cells[0].matches("[0-9]{6}")) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + " is malformed: " + line);
            }
            String retired = cells[3].strip();
            Division division = new Division(cells[0], cells[1].strip(), DivisionLevel.valueOf(cells[2].strip()),
                    retired.isEmpty() ? Optional.empty() : Optional.of(retired));
            if (rows.put(division.code(), division) != null) {
                throw new IllegalStateException(RESOURCE + " line " + lineNo + " repeats code " + division.code());
            }
        }
        return new DivisionCodes(rows);
    }
}
