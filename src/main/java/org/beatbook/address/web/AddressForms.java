package org.beatbook.address.web;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;
import org.beatbook.address.internal.AddressNode;
import org.beatbook.address.internal.AddressNodeChanges;
import org.beatbook.address.internal.NewAddressNode;
import org.beatbook.shared.web.InvalidInput;
import org.beatbook.shared.web.InvalidInput.Violation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The page forms, as typed (strings), so a wrong number or level is reported next to its field. */
final class AddressForms {

    private AddressForms() {
    }

    record ChildForm(String level, String name, String code, String category, String latitude, String longitude) {

        static ChildForm empty() {
            return new ChildForm(null, null, null, null, null, null);
        }

        NewAddressNode toCommand(String parentCode) {
            List<Violation> problems = new ArrayList<>();
            AddressLevel l = parseEnum(AddressLevel.class, level, "level", problems);
            if (l == null && (level == null || level.isBlank())) {
                problems.add(new Violation("level", "error.field.required"));
            }
            PlaceCategory c = parseEnum(PlaceCategory.class, category, "category", problems);
            Double lat = number(latitude, "latitude", "address.error.latitude", problems);
            Double lon = number(longitude, "longitude", "address.error.longitude", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new NewAddressNode(parentCode, l, name, code, c, lat, lon);
        }
    }

    record EditForm(String name, String category, String latitude, String longitude) {

        static EditForm of(AddressNode n) {
            return new EditForm(n.name(), n.category() == null ? null : n.category().name(),
                    n.latitude() == null ? null : String.valueOf(n.latitude()),
                    n.longitude() == null ? null : String.valueOf(n.longitude()));
        }

        AddressNodeChanges toChanges() {
            List<Violation> problems = new ArrayList<>();
            PlaceCategory c = parseEnum(PlaceCategory.class, category, "category", problems);
            Double lat = number(latitude, "latitude", "address.error.latitude", problems);
            Double lon = number(longitude, "longitude", "address.error.longitude", problems);
            if (name == null || name.isBlank()) {
                problems.add(new Violation("name", "address.error.name.required"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new AddressNodeChanges(name, c, lat, lon);
        }
    }

    record MoveForm(String parentCode) {
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(field, "error.field.invalid"));
            return null;
        }
    }

    private static Double number(String text, String field, String key, List<Violation> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Violation(field, key));
        return null;
    }
}
