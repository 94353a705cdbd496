package org.beatbook.device.viid;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads GA/T 1400 request bodies: lenient about vendor types (numbers as strings and strings as numbers, HasPlate as
 * "1"/1/true/"Y"/"2"/…, a lone object where a list belongs, either list wrapper name), strict about what is stored
 * (48-digit object ids, 20-digit DeviceIDs, a real PassTime). Each object of a list is read on its own, so one bad
 * object is answered with its own status and the others are kept. Never throws on any input except
 * {@link BadShape} for a body whose outer shape is wrong.
 */
public final class ViidObjects {

    /** GA/T 1400 times are local to the platform: China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9]{48}");
    private static final Pattern DEVICE_ID = Pattern.compile("[0-9]{20}");
    private static final Pattern ID_SEPARATORS = Pattern.compile("[\\s,;，；]+");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuuMMddHHmmssSSS", Locale.ROOT);

    private ViidObjects() {
    }

    /**
     * One object of a list, as read: the object, or the field at fault and a message key.
     *
     * @param id the object's id as sent, for the ResponseStatus answer (may be null)
     */
    public record Read<T>(String id, T object, String field, String messageKey) {

        public boolean ok() {
            return object != null;
        }

        static <T> Read<T> bad(String id, String field, String messageKey) {
            return new Read<>(id, null, field, messageKey);
        }
    }

    /** A body whose outer shape is wrong (not an object, no list where one belongs): nothing in it can be read. */
    public static final class BadShape extends RuntimeException {
        private final String field;

        BadShape(String field) {
            super(field, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** A SubscribeNotificationObject: its id and the vehicles it carries. */
    public record Notification(String notificationId, List<Read<MotorVehicleObject>> motorVehicles,
                               List<Read<NonMotorVehicleObject>> nonMotorVehicles) { }

    /** {@code {"MotorVehicleListObject":{"MotorVehicleObject":[…]}}} (or the MotorVehicleObjectList wrapper). */
    public static List<Read<MotorVehicleObject>> motorVehicles(JsonNode body) {
        return list(requireObject(body), "MotorVehicle", ViidObjects::motorVehicle, true);
    }

    /** {@code {"NonMotorVehicleListObject":{"NonMotorVehicleObject":[…]}}} (or NonMotorVehicleObjectList). */
    public static List<Read<NonMotorVehicleObject>> nonMotorVehicles(JsonNode body) {
        return list(requireObject(body), "NonMotorVehicle", ViidObjects::nonMotorVehicle, true);
    }

    /** {@code {"SubscribeNotificationListObject":{"SubscribeNotificationObject":[…]}}} with the vehicles inside. */
    public static List<Read<Notification>> notifications(JsonNode body) {
        return list(requireObject(body), "SubscribeNotification", ViidObjects::notification, true);
    }

    /**
     * A SubscribeObject as stored: who may be told what, where, and until when. {@code cancel} is OperateType 1.
     *
     * @param detail         SubscribeDetail as sent: the subscribed categories, e.g. "7,13"
     * @param reportInterval seconds between reports; null when not sent
     * @param cancellation   who cancelled and why, as sent (all null when not sent)
     */
    public record Subscription(String subscribeId, String title, String detail, String resourceUri,
                               String receiveAddr, Instant beginTime, Instant endTime, Integer reportInterval,
                               boolean cancel, Cancellation cancellation) { }

    /**
     * SubscribeCancelOrg, SubscribeCancelPerson and CancelReason of a cancelling SubscribeObject. The CancelTime a
     * sender names is not kept: a cancellation takes effect when it is received.
     */
    public record Cancellation(String org, String person, String reason) {
        public static final Cancellation NONE = new Cancellation(null, null, null);
    }

    /** The most ids one {@code DELETE /VIID/Subscribes?IDList=…} may name. */
    public static final int MAX_IDS = 1000;

    /** {@code {"SubscribeListObject":{"SubscribeObject":[…]}}}: each subscription, read on its own. */
    public static List<Read<Subscription>> subscribes(JsonNode body) {
        return list(requireObject(body), "Subscribe", ViidObjects::subscription, true);
    }

    static Read<Subscription> subscription(JsonNode n) {
        String id = text(n.get("SubscribeID"));
        Read<Subscription> bad = subscribeId(id);
        if (bad != null) {
            return bad;
        }
        String[] texts = {"Title", "SubscribeDetail", "ResourceURI", "ReceiveAddr"};
        int[] max = {256, 256, 1024, 1024};
        String[] values = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            Read<String> v = optionalText(n, texts[i], max[i]);
            if (v.field() != null) {
                return Read.bad(id, v.field(), v.messageKey());
            }
            values[i] = v.object();
        }
        if (values[3] != null && !httpUrl(values[3])) {
            return Read.bad(id, "ReceiveAddr", "viid.field.url");
        }
        Instant begin = time(n.get("BeginTime"));
        if (present(n.get("BeginTime")) && begin == null) {
            return Read.bad(id, "BeginTime", "viid.field.time");
        }
        Instant end = time(n.get("EndTime"));
        if (present(n.get("EndTime")) && end == null) {
            return Read.bad(id, "EndTime", "viid.field.time");
        }
        if (begin != null && end != null && end.isBefore(begin)) {
            return Read.bad(id, "EndTime", "viid.field.endBeforeBegin");
        }
        Integer interval = null;
        if (present(n.get("ReportInterval"))) {
            String v = text(n.get("ReportInterval"));
            if (v == null || !v.matches("[0-9]{1,9}")) {
                return Read.bad(id, "ReportInterval", "viid.field.seconds");
            }
            interval = Integer.parseInt(v);
        }
        String operate = present(n.get("OperateType")) ? text(n.get("OperateType")) : "0";
        if (!"0".equals(operate) && !"1".equals(operate)) {
            return Read.bad(id, "OperateType", "viid.field.operateType");
        }
        Read<Cancellation> why = cancellationOf(n);
        if (!why.ok()) {
            return Read.bad(id, why.field(), why.messageKey());
        }
        return new Read<>(id, new Subscription(id, values[0], values[1], values[2], values[3], begin, end, interval,
                "1".equals(operate), why.object()), null, null);
    }

    /**
     * The body of {@code PUT /VIID/Subscribes/<ID>} (cancel one subscription): {@code {"SubscribeObject":{…}}} or the
     * object alone. Its SubscribeID, when sent, must be the one in the URL.
     */
    public static Read<Cancellation> cancellation(JsonNode body, String pathId) {
        JsonNode n = requireObject(body).get("SubscribeObject");
        if (n == null || n.isNull()) {
            n = body;
        } else if (!n.isObject()) {
            throw new BadShape("SubscribeObject");
        }
        String id = text(n.get("SubscribeID"));
        if (present(n.get("SubscribeID")) && !pathId.equals(id)) {
            return Read.bad(pathId, "SubscribeID", "viid.field.pathId");
        }
        Read<Cancellation> why = cancellationOf(n);
        return why.ok() ? new Read<>(pathId, why.object(), null, null) : Read.bad(pathId, why.field(), why.messageKey());
    }

    /**
     * The ids of {@code DELETE /VIID/Subscribes?IDList=…}: each value comma-separated (vendors also send the
     * parameter once per id, or separate by semicolons or spaces), blanks skipped, each id read on its own.
     */
    public static List<Read<String>> ids(List<String> values) {
        List<Read<String>> out = new ArrayList<>();
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String token : ID_SEPARATORS.split(value)) {
                if (token.isEmpty()) {
                    continue;
                }
                Read<String> bad = subscribeId(token);
                out.add(bad != null ? Read.bad(token.length() > 64 ? token.substring(0, 64) : token, bad.field(),
                        bad.messageKey()) : new Read<>(token, token, null, null));
                if (out.size() > MAX_IDS) {
                    return out;
                }
            }
        }
        return out;
    }

    /**
     * IDList sent in a body rather than the query, by vendors that do: {@code {"IDList":"a,b"}} or
     * {@code {"IDList":["a","b"]}} (ids as text or numbers); empty when there is none.
     */
    public static List<String> idListOf(JsonNode body) {
        JsonNode list = body == null || !body.isObject() ? null : body.get("IDList");
        List<String> out = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(v -> {
                String id = text(v);
                if (id != null) {
                    out.add(id);
                }
            });
        } else if (text(list) != null) {
            out.add(text(list));
        }
        return out;
    }

    /** A bad read naming SubscribeID, or null when {@code id} is a usable SubscribeID. */
    private static <T> Read<T> subscribeId(String id) {
        if (id == null || id.isBlank()) {
            return Read.bad(id, "SubscribeID", "viid.field.required");
        }
        if (id.length() > 64 || id.chars().anyMatch(Character::isISOControl)) {
            return Read.bad(id, "SubscribeID", "viid.field.subscribeId");
        }
        return null;
    }

    /** The cancel fields of a SubscribeObject ({@link Cancellation#NONE} when none is sent), or the field at fault. */
    private static Read<Cancellation> cancellationOf(JsonNode n) {
        String[] names = {"SubscribeCancelOrg", "SubscribeCancelPerson", "CancelReason"};
        int[] max = {100, 64, 256};
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            Read<String> v = optionalText(n, names[i], max[i]);
            if (v.field() != null) {
                return Read.bad(null, v.field(), v.messageKey());
            }
            values[i] = v.object();
        }
        Cancellation why = values[0] == null && values[1] == null && values[2] == null ? Cancellation.NONE
                : new Cancellation(values[0], values[1], values[2]);
        return new Read<>(null, why, null, null);
    }

    /** An optional text field: its value (null when absent or blank), or, with a field named, the rule it breaks. */
    private static Read<String> optionalText(JsonNode n, String field, int max) {
        JsonNode v = n.get(field);
        String value = blankToNull(text(v));
        if (present(v) && value == null) {
            return Read.bad(null, field, "viid.field.text");
        }
        if (value != null && (value.length() > max || value.chars().anyMatch(Character::isISOControl))) {
            return Read.bad(null, field, "viid.field.tooLong");
        }
        return new Read<>(null, value, null, null);
    }

    private static boolean httpUrl(String s) {
        try {
            java.net.URI uri = new java.net.URI(s);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * The DeviceID of {@code {"RegisterObject":{"DeviceID":…}}} (or KeepaliveObject, UnRegisterObject); null when
     * absent or unreadable.
     */
    public static String deviceIdOf(JsonNode body, String wrapper) {
        if (body == null || !body.isObject() || body.get(wrapper) == null || !body.get(wrapper).isObject()) {
            return null;
        }
        return text(body.get(wrapper).get("DeviceID"));
    }

    private static JsonNode requireObject(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadShape("body");
        }
        return body;
    }

    /** {@code {"<Name>ListObject":{"<Name>Object":[…]}}}, or {@code <Name>ObjectList}; a lone object counts as one. */
    private static <T> List<Read<T>> list(JsonNode container, String name, Function<JsonNode, Read<T>> reader,
                                          boolean required) {
        JsonNode wrapper = container.get(name + "ListObject");
        String wrapperName = name + "ListObject";
        if (wrapper == null) {
            wrapper = container.get(name + "ObjectList");
            wrapperName = name + "ObjectList";
        }
        if (wrapper == null || wrapper.isNull()) {
            if (required) {
                throw new BadShape(name + "ListObject");
            }
            return List.of();
        }
        if (!wrapper.isObject()) {
            throw new BadShape(wrapperName);
        }
        JsonNode items = wrapper.get(name + "Object");
        if (items == null || items.isNull()) {
            throw new BadShape(wrapperName + "." + name + "Object");
        }
        List<Read<T>> out = new ArrayList<>();
        if (items.isObject()) {
            out.add(reader.apply(items));
        } else if (items.isArray()) {
            for (JsonNode item : items) {
                out.add(item.isObject() ? reader.apply(item) : Read.bad(null, name + "Object", "viid.object.notObject"));
            }
        } else {
            throw new BadShape(wrapperName + "." + name + "Object");
        }
        return out;
    }

    static Read<MotorVehicleObject> motorVehicle(JsonNode n) {
        String id = text(n.get("MotorVehicleID"));
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            return Read.bad(id, "MotorVehicleID", "viid.field.objectId");
        }
        String deviceId = text(n.get("DeviceID"));
        if (deviceId != null && !DEVICE_ID.matcher(deviceId).matches()) {
            return Read.bad(id, "DeviceID", "viid.field.deviceId");
        }
        Instant passTime = time(n.get("PassTime"));
        if (passTime == null) {
            return Read.bad(id, "PassTime", "viid.field.time");
        }
        JsonNode hasPlateNode = n.get("HasPlate");
        Boolean hasPlate = flag(hasPlateNode);
        if (hasPlate == null && present(hasPlateNode)) {
            return Read.bad(id, "HasPlate", "viid.field.flag");
        }
        String plate = blankToNull(text(n.get("PlateNo")));
        if (present(n.get("PlateNo")) && text(n.get("PlateNo")) == null) {
            return Read.bad(id, "PlateNo", "viid.field.text");
        }
        if (Boolean.FALSE.equals(hasPlate)) {
            plate = null; // "无车牌", "-", "00000": what cameras write when they read no plate
        }
        return new Read<>(id, new MotorVehicleObject(id, deviceId, passTime, plate,
                blankToNull(text(n.get("PlateColor"))), hasPlate, blankToNull(text(n.get("VehicleClass"))),
                images(n)), null, null);
    }

    static Read<NonMotorVehicleObject> nonMotorVehicle(JsonNode n) {
        String id = text(n.get("NonMotorVehicleID"));
        if (id == null || !OBJECT_ID.matcher(id).matches()) {
            return Read.bad(id, "NonMotorVehicleID", "viid.field.objectId");
        }
        String deviceId = text(n.get("DeviceID"));
        if (deviceId != null && !DEVICE_ID.matcher(deviceId).matches()) {
            return Read.bad(id, "DeviceID", "viid.field.deviceId");
        }
        Instant appearTime = time(n.get("AppearTime"));
        if (appearTime == null) {
            return Read.bad(id, "AppearTime", "viid.field.time");
        }
        if (present(n.get("PlateNo")) && text(n.get("PlateNo")) == null) {
            return Read.bad(id, "PlateNo", "viid.field.text");
        }
        return new Read<>(id, new NonMotorVehicleObject(id, deviceId, appearTime, blankToNull(text(n.get("PlateNo"))),
                images(n)), null, null);
    }

    private static Read<Notification> notification(JsonNode n) {
        String id = text(n.get("NotificationID"));
        if (id == null || id.isBlank()) {
            return Read.bad(id, "NotificationID", "viid.field.required");
        }
        try {
            return new Read<>(id, new Notification(id, list(n, "MotorVehicle", ViidObjects::motorVehicle, false),
                    list(n, "NonMotorVehicle", ViidObjects::nonMotorVehicle, false)), null, null);
        } catch (BadShape e) {
            return Read.bad(id, e.field(), "viid.object.notObject");
        }
    }

    /** Text as sent; an integral number as its digits (ids and codes arrive either way). */
    static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue().trim();
        }
        if (v.isIntegralNumber()) {
            return v.bigIntegerValue().toString();
        }
        return null;
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !(v.isString() && v.stringValue().isBlank());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** yyyyMMddHHmmss (or with milliseconds) in China Standard Time; null when absent or not a real time. */
    static Instant time(JsonNode v) {
        String s = text(v);
        if (s == null) {
            return null;
        }
        try {
            if (s.length() == 14) {
                return LocalDateTime.parse(s, SECONDS).atZone(ZONE).toInstant();
            }
            if (s.length() == 17) {
                return LocalDateTime.parse(s, MILLIS).atZone(ZONE).toInstant();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    /** HasPlate and friends: true/"true"/1/"1"/"Y"/"是" or false/"false"/0/"0"/2/"2"/"N"/"否"; null otherwise. */
    static Boolean flag(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        String s = text(v);
        if (s == null) {
            return null;
        }
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "1", "TRUE", "Y", "YES", "是" -> Boolean.TRUE;
            case "0", "2", "FALSE", "N", "NO", "否" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static int images(JsonNode n) {
        JsonNode list = n.get("SubImageList");
        if (list == null || !list.isObject()) {
            return 0;
        }
        JsonNode images = list.get("SubImageInfoObject");
        return images == null ? 0 : images.isArray() ? images.size() : images.isObject() ? 1 : 0;
    }
}
