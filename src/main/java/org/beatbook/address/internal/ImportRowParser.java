package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;
import org.beatbook.address.internal.AddressSheetReader.Column;
import org.beatbook.address.internal.AddressSheetReader.RawRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the text of one sheet row into typed values, or into problems naming the column. Levels and categories
 * are accepted as their names (ROOM, SCHOOL) or their labels in either language (户室, 学校).
 */
public final class ImportRowParser {

    /** A row whose cells are well-formed; {@code problems} lists every cell that is not. */
    public record ParsedRow(int row, String code, String parentCode, AddressLevel level, String name,
                            PlaceCategory category, Double latitude, Double longitude, List<ImportProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Map<String, AddressLevel> levels = new HashMap<>();
    private final Map<String, PlaceCategory> categories = new HashMap<>();

    /** @param levelLabels label → level, @param categoryLabels label → category (both languages) */
    public ImportRowParser(Map<String, AddressLevel> levelLabels, Map<String, PlaceCategory> categoryLabels) {
        for (AddressLevel l : AddressLevel.values()) {
            levels.put(l.name().toLowerCase(Locale.ROOT), l);
        }
        for (PlaceCategory c : PlaceCategory.values()) {
            categories.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        levelLabels.forEach((k, v) -> levels.put(k.strip().toLowerCase(Locale.ROOT), v));
        categoryLabels.forEach((k, v) -> categories.put(k.strip().toLowerCase(Locale.ROOT), v));
    }

    public ParsedRow parse(RawRow raw) {
        int row = raw.row();
        List<ImportProblem> problems = new ArrayList<>();

        String code = AddressRules.normalizeCode(raw.get(Column.CODE));
        if (code != null && !AddressRules.wellFormedCode(code)) {
            problems.add(ImportProblem.of(row, "code", "address.error.code.format", AddressRules.MAX_CODE_LENGTH));
        }
        String parentCode = AddressRules.normalizeCode(raw.get(Column.PARENT_CODE));
        if (parentCode == null) {
            problems.add(ImportProblem.of(row, "parentCode", "error.field.required"));
        } else if (!AddressRules.wellFormedCode(parentCode)) {
            problems.add(ImportProblem.of(row, "parentCode", "address.error.code.format", AddressRules.MAX_CODE_LENGTH));
        }
        AddressLevel level = null;
        String levelText = raw.get(Column.LEVEL);
        if (levelText == null) {
            problems.add(ImportProblem.of(row, "level", "error.field.required"));
        } else {
            level = levels.get(levelText.strip().toLowerCase(Locale.ROOT));
            if (level == null) {
                problems.add(ImportProblem.of(row, "level", "address.import.error.level", levelText));
            }
        }
        String name = AddressRules.normalizeName(raw.get(Column.NAME));
        if (name == null) {
            problems.add(ImportProblem.of(row, "name", "address.error.name.required"));
        } else if (name.length() > AddressRules.MAX_NAME_LENGTH) {
            problems.add(ImportProblem.of(row, "name", "address.error.name.length", AddressRules.MAX_NAME_LENGTH));
        }
        PlaceCategory category = null;
        String categoryText = raw.get(Column.CATEGORY);
        if (categoryText != null) {
            category = categories.get(categoryText.strip().toLowerCase(Locale.ROOT));
            if (category == null) {
                problems.add(ImportProblem.of(row, "category", "address.import.error.category", categoryText));
            } else if (level != null && level != AddressLevel.PLACE) {
                problems.add(ImportProblem.of(row, "category", "address.error.category.onlyPlace"));
            }
        }
        Double lat = number(raw.get(Column.LATITUDE));
        Double lon = number(raw.get(Column.LONGITUDE));
        boolean latBad = raw.get(Column.LATITUDE) != null && (lat == null || !AddressRules.validLatitude(lat));
        boolean lonBad = raw.get(Column.LONGITUDE) != null && (lon == null || !AddressRules.validLongitude(lon));
        if (latBad) {
            problems.add(ImportProblem.of(row, "latitude", "address.error.latitude"));
        }
        if (lonBad) {
            problems.add(ImportProblem.of(row, "longitude", "address.error.longitude"));
        }
        if (!latBad && !lonBad && (lat == null) != (lon == null)) {
            problems.add(ImportProblem.of(row, lat == null ? "latitude" : "longitude", "address.error.coordinates.pair"));
        }
        return new ParsedRow(row, code, parentCode, level, name, category, lat, lon, List.copyOf(problems));
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
