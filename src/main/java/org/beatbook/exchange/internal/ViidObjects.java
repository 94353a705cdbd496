package org.beatbook.exchange.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Queued sightings as GA/T 1400 objects. The object id is the event's own when the device sent a 48-digit one;
 * otherwise it is built as DeviceID (20) + source type (2, "02" image) + pass time (14) + sequence (5) + object type
 * (2: "02" motor vehicle, "03" non-motor vehicle) + sequence (5) from the outbox row, so a resend carries the same
 * id and the platform can recognise it.
 */
final class ViidObjects {

    static final DateTimeFormatter PASS_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final Pattern ID48 = Pattern.compile("[0-9]{48}");
    private static final Pattern ID20 = Pattern.compile("[0-9]{20}");

    /** Which upstream collection a kind of sighting goes to. */
    enum Collection {
        MOTOR("/VIID/MotorVehicles", "MotorVehicleListObject", "MotorVehicleObject", "MotorVehicleID", "PassTime", "02"),
        NON_MOTOR("/VIID/NonMotorVehicles", "NonMotorVehicleListObject", "NonMotorVehicleObject", "NonMotorVehicleID",
                "AppearTime", "03");

        final String path;
        final String listName;
        final String objectName;
        final String idName;
        final String timeName;
        final String objectType;

        Collection(String path, String listName, String objectName, String idName, String timeName, String objectType) {
            this.path = path;
            this.listName = listName;
            this.objectName = objectName;
            this.idName = idName;
            this.timeName = timeName;
            this.objectType = objectType;
        }

        static Collection of(String kind) {
            return "EBIKE_PASS".equals(kind) ? NON_MOTOR : MOTOR;
        }
    }

    private final String platformDeviceId;

    ViidObjects(String platformDeviceId) {
        this.platformDeviceId = platformDeviceId;
    }

    String objectId(OutboxRow row) {
        if (row.eventId() != null && ID48.matcher(row.eventId()).matches()) {
            return row.eventId();
        }
        return deviceId(row) + "02" + PASS_TIME.format(row.occurredAt())
                + String.format("%05d", row.eventSeq() % 100_000) + Collection.of(row.kind()).objectType + "00001";
    }

    /** The camera's own 20-digit DeviceID when it has one, else Beatbook's. */
    String deviceId(OutboxRow row) {
        return row.viidDeviceId() != null && ID20.matcher(row.viidDeviceId()).matches() ? row.viidDeviceId()
                : platformDeviceId;
    }

    /** The request body for rows of one collection, in order. */
    Map<String, Object> body(Collection c, List<OutboxRow> rows) {
        List<Map<String, Object>> objects = rows.stream().map(r -> object(c, r)).toList();
        return Map.of(c.listName, Map.of(c.objectName, objects));
    }

    private Map<String, Object> object(Collection c, OutboxRow r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put(c.idName, objectId(r));
        o.put("DeviceID", deviceId(r));
        o.put(c.timeName, PASS_TIME.format(r.occurredAt()));
        if (c == Collection.MOTOR) {
            o.put("HasPlate", r.plate() != null);
            if (r.plate() != null) {
                o.put("PlateNo", r.plate());
            }
            if (r.plateColor() != null) {
                o.put("PlateColor", r.plateColor());
            }
        } else {
            // the subset has no RFID field: an e-bike without a read plate is identified by its tag
            String plate = r.plate() != null ? r.plate() : r.tag();
            if (plate != null) {
                o.put("PlateNo", plate);
            }
        }
        return o;
    }
}
