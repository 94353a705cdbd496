package org.beatbook.vehicle.internal;

import org.beatbook.population.Checked;
import org.beatbook.population.IdNumber;
import org.beatbook.shared.spreadsheet.RowProblem;
import org.beatbook.shared.spreadsheet.SheetColumn;
import org.beatbook.shared.spreadsheet.SheetRow;
import org.beatbook.shared.web.InvalidInput.Violation;
import org.beatbook.vehicle.VehicleKind;
import org.beatbook.vehicle.internal.VehicleStore.Row;
import org.springframework.context.MessageSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The vehicle import's template columns and its row parser: one row's text turned into a checked vehicle (the rules
 * of a registration on the form), the owner's ID number and the room, or into problems naming the column. Kinds,
 * plate colours and vehicle types are accepted as their codes (EBIKE, BLUE) or their labels in either language.
 */
public final class VehicleSheet {

    public static final String KIND = "vehicles";
    public static final int MAX_ROWS = 20_000;

    public static final List<SheetColumn> COLUMNS = List.of(
            SheetColumn.required("kind", "车辆类型（机动车/电动自行车）").width(20),
            SheetColumn.optional("plate", "号牌号码").asText().width(14),
            SheetColumn.optional("plateColor", "号牌颜色").width(10),
            SheetColumn.optional("vehicleType", "车辆种类").width(12),
            SheetColumn.optional("tag", "电子标签（RFID）").asText().width(22),
            SheetColumn.optional("brand", "品牌").width(12),
            SheetColumn.optional("colour", "车身颜色").width(10),
            SheetColumn.required("ownerIdNumber", "车主公民身份号码").asText().width(22),
            SheetColumn.optional("addressCode", "地址编码").asText().width(24));

    private static final int KIND_COL = 0;
    private static final int PLATE = 1;
    private static final int PLATE_COLOR = 2;
    private static final int VEHICLE_TYPE = 3;
    private static final int TAG = 4;
    private static final int BRAND = 5;
    private static final int COLOUR = 6;
    private static final int OWNER = 7;
    private static final int ADDRESS = 8;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{1,40}");

    /**
     * A row: {@code vehicle} holds the checked vehicle fields (no owner yet), {@code idNumber} the owner's canonical
     * ID number, {@code addressCode} the room or null (then the owner's home); {@code problems} every cell that is
     * not well-formed.
     */
    record ParsedRow(int row, Row vehicle, String idNumber, String addressCode, List<RowProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final Map<String, VehicleKind> kinds = new HashMap<>();
    private final Map<String, PlateColor> colors = new HashMap<>();
    private final Map<String, VehicleType> types = new HashMap<>();

    /** @param labels label → value of the kinds, plate colours and vehicle types (any language) */
    VehicleSheet(Map<String, ? extends Enum<?>> labels) {
        for (VehicleKind k : VehicleKind.values()) {
            kinds.put(key(k.name()), k);
        }
        for (PlateColor c : PlateColor.values()) {
            colors.put(key(c.name()), c);
        }
        for (VehicleType t : VehicleType.values()) {
            types.put(key(t.name()), t);
        }
        kinds.put(key("电动车"), VehicleKind.EBIKE);
        kinds.put(key("汽车"), VehicleKind.MOTOR);
        labels.forEach((label, value) -> {
            if (value instanceof VehicleKind k) {
                kinds.put(key(label), k);
            } else if (value instanceof PlateColor c) {
                colors.put(key(label), c);
                colors.put(key(label + "色"), c);
            } else if (value instanceof VehicleType t) {
                types.put(key(label), t);
            }
        });
    }

    /** A parser that knows the labels of both languages. */
    static VehicleSheet of(MessageSource messages) {
        Map<String, Enum<?>> labels = new HashMap<>();
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (VehicleKind k : VehicleKind.values()) {
                labels.put(messages.getMessage(k.messageKey(), null, k.name(), locale), k);
            }
            for (PlateColor c : PlateColor.values()) {
                labels.put(messages.getMessage(c.messageKey(), null, c.name(), locale), c);
            }
            for (VehicleType t : VehicleType.values()) {
                labels.put(messages.getMessage(t.messageKey(), null, t.name(), locale), t);
            }
        }
        return new VehicleSheet(labels);
    }

    ParsedRow parse(SheetRow raw, LocalDate today) {
        int row = raw.row();
        List<RowProblem> problems = new ArrayList<>();
        VehicleKind kind = pick(raw.get(KIND_COL), kinds, row, "kind", "vehicle.import.kind.unknown", problems);
        if (raw.get(KIND_COL) == null) {
            problems.add(RowProblem.of(row, "kind", "spreadsheet.error.required"));
        }
        PlateColor color = pick(raw.get(PLATE_COLOR), colors, row, "plateColor", "vehicle.import.plateColor.unknown",
                problems);
        VehicleType type = pick(raw.get(VEHICLE_TYPE), types, row, "vehicleType", "vehicle.import.vehicleType.unknown",
                problems);
        List<Violation> violations = new ArrayList<>();
        Row vehicle = Vehicles.checked(kind, 0, raw.get(PLATE), color, type, raw.get(TAG), raw.get(BRAND),
                raw.get(COLOUR), violations);
        violations.forEach(v -> problems.add(RowProblem.of(row, v.field(), v.messageKey(), v.args())));

        String idNumber = null;
        String ownerText = raw.get(OWNER);
        if (ownerText == null) {
            problems.add(RowProblem.of(row, "ownerIdNumber", "spreadsheet.error.required"));
        } else {
            Checked<IdNumber> checked = IdNumber.parse(ownerText, today);
            if (checked.isValid()) {
                idNumber = checked.value().value();
            } else {
                checked.rejection().ifPresent(f -> problems.add(RowProblem.of(row, "ownerIdNumber", f.messageKey(),
                        f.messageArgs())));
            }
        }
        String addressCode = raw.get(ADDRESS);
        if (addressCode != null && !CODE.matcher(addressCode).matches()) {
            problems.add(RowProblem.of(row, "addressCode", "vehicle.import.addressCode.format"));
            addressCode = null;
        }
        return new ParsedRow(row, vehicle, idNumber, addressCode == null ? null : addressCode.toUpperCase(Locale.ROOT),
                List.copyOf(problems));
    }

    private static <E> E pick(String text, Map<String, E> values, int row, String field, String key,
                              List<RowProblem> problems) {
        if (text == null) {
            return null;
        }
        E value = values.get(key(text));
        if (value == null) {
            problems.add(RowProblem.of(row, field, key, text));
        }
        return value;
    }

    private static String key(String label) {
        return label.replaceAll("[\\s()（）]", "").toLowerCase(Locale.ROOT);
    }
}
