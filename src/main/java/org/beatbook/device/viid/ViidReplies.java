package org.beatbook.device.viid;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The GA/T 1400 reply objects, with the standard's field names. */
public final class ViidReplies {

    /** StatusCode values of GA/T 1400.4 that Beatbook answers with. */
    public static final String OK = "0";
    public static final String OTHER_ERROR = "1";
    public static final String DEVICE_BUSY = "2";
    public static final String INVALID_OPERATION = "4";
    public static final String INVALID_JSON_FORMAT = "7";
    public static final String INVALID_JSON_CONTENT = "8";

    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT).withZone(ViidObjects.ZONE);

    private ViidReplies() {
    }

    public record ResponseStatus(@JsonProperty("Id") String id,
                                 @JsonProperty("RequestURL") String requestUrl,
                                 @JsonProperty("StatusCode") String statusCode,
                                 @JsonProperty("StatusString") String statusString,
                                 @JsonProperty("LocalTime") String localTime) { }

    /** {@code {"ResponseStatusObject":{…}}} */
    public record StatusReply(@JsonProperty("ResponseStatusObject") ResponseStatus status) { }

    /** {@code {"ResponseStatusListObject":{"ResponseStatusObject":[…]}}} */
    public record StatusListReply(@JsonProperty("ResponseStatusListObject") StatusList list) {

        public StatusListReply(List<ResponseStatus> statuses) {
            this(new StatusList(statuses));
        }
    }

    public record StatusList(@JsonProperty("ResponseStatusObject") List<ResponseStatus> statuses) { }

    /** {@code {"SystemTimeObject":{…}}} for {@code GET /VIID/System/Time}. */
    public record SystemTimeReply(@JsonProperty("SystemTimeObject") SystemTime time) { }

    public record SystemTime(@JsonProperty("VIIDServerID") String serverId,
                             @JsonProperty("TimeMode") String timeMode,
                             @JsonProperty("LocalTime") String localTime,
                             @JsonProperty("TimeZone") String timeZone) { }

    public static String localTime(Instant instant) {
        return LOCAL_TIME.format(instant);
    }
}
