package org.beatbook.device.viid;

import jakarta.servlet.http.HttpServletRequest;
import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventFate;
import org.beatbook.device.IncomingEvent;
import org.beatbook.device.viid.ViidObjects.Read;
import org.beatbook.device.viid.ViidReplies.ResponseStatus;
import org.beatbook.device.viid.ViidReplies.StatusListReply;
import org.beatbook.device.viid.ViidReplies.StatusReply;
import org.beatbook.shared.web.PayloadTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The GA/T 1400 (视图库) subset of DOMAIN.md. Register and UnRegister authenticate with HTTP Digest; every later
 * call names a registered device in {@code User-Identify}. Vehicle lists are answered per object once the
 * accepted ones are durable. Errors are ResponseStatus objects, never a 500 page.
 */
@RestController
@RequestMapping("/VIID")
class ViidController {

    private static final Logger log = LoggerFactory.getLogger(ViidController.class);
    static final String USER_IDENTIFY = "User-Identify";

    private final ViidSessions sessions;
    private final ViidIngest ingest;
    private final ViidAnswers answers;
    private final ObjectMapper json;
    private final ViidSubscriptions subscriptions;
    private final long maxBodyBytes;

    ViidController(ViidSessions sessions, ViidIngest ingest, ViidAnswers answers, ObjectMapper json,
                   ViidSubscriptions subscriptions, @Value("${beatbook.web.max-body-bytes:2097152}") long maxBodyBytes) {
        this.sessions = sessions;
        this.ingest = ingest;
        this.answers = answers;
        this.json = json;
        this.subscriptions = subscriptions;
        this.maxBodyBytes = maxBodyBytes;
    }

    @PostMapping("/System/Register")
    ResponseEntity<StatusReply> register(HttpServletRequest request, @RequestBody(required = false) byte[] body,
                                         Locale locale) {
        return sessions.digest(request, body, "RegisterObject", locale, deviceId -> {
            sessions.register(deviceId, request.getRemoteAddr());
            return answers.reply(HttpStatus.OK, new StatusReply(answers.ok(deviceId, request.getRequestURI(), locale)));
        });
    }

    @PostMapping("/System/UnRegister")
    ResponseEntity<StatusReply> unregister(HttpServletRequest request, @RequestBody(required = false) byte[] body,
                                           Locale locale) {
        return sessions.digest(request, body, "UnRegisterObject", locale, deviceId -> {
            sessions.unregister(deviceId);
            return answers.reply(HttpStatus.OK, new StatusReply(answers.ok(deviceId, request.getRequestURI(), locale)));
        });
    }

    @PostMapping("/System/Keepalive")
    CompletableFuture<ResponseEntity<?>> keepalive(HttpServletRequest request,
                                                   @RequestBody(required = false) byte[] body, Locale locale) {
        String url = request.getRequestURI();
        JsonNode root = tree(body);
        String named = request.getHeader(USER_IDENTIFY) != null ? request.getHeader(USER_IDENTIFY)
                : ViidObjects.deviceIdOf(root, "KeepaliveObject");
        Optional<DeviceRef> device = sessions.keptAlive(named);
        if (device.isEmpty()) {
            return done(notRegistered(named, url, locale));
        }
        return ingest.submit(device.get(), List.of(ingest.heartbeat(Instant.now())), locale)
                .<ResponseEntity<?>>thenApply(fates -> answers.reply(HttpStatus.OK,
                        new StatusReply(answers.ok(named, url, locale))))
                .exceptionally(e -> unavailable(named, url, locale, e));
    }

    @GetMapping("/System/Time")
    ResponseEntity<ViidReplies.SystemTimeReply> time() {
        return answers.reply(HttpStatus.OK, new ViidReplies.SystemTimeReply(new ViidReplies.SystemTime(
                sessions.serverId(), "1", ViidReplies.localTime(Instant.now()), ViidObjects.ZONE.getId())));
    }

    @PostMapping("/MotorVehicles")
    CompletableFuture<ResponseEntity<?>> motorVehicles(HttpServletRequest request,
                                                       @RequestBody(required = false) byte[] body, Locale locale) {
        return objects(request, body, locale, root -> {
            List<Read<MotorVehicleObject>> read = ViidObjects.motorVehicles(root);
            return read.stream().map(r -> new Item(r.id(), r.ok() ? List.of(ingest.event(r.object())) : List.of(),
                    r.field(), r.messageKey())).toList();
        });
    }

    @PostMapping("/NonMotorVehicles")
    CompletableFuture<ResponseEntity<?>> nonMotorVehicles(HttpServletRequest request,
                                                          @RequestBody(required = false) byte[] body, Locale locale) {
        return objects(request, body, locale, root -> {
            List<Read<NonMotorVehicleObject>> read = ViidObjects.nonMotorVehicles(root);
            return read.stream().map(r -> new Item(r.id(), r.ok() ? List.of(ingest.event(r.object())) : List.of(),
                    r.field(), r.messageKey())).toList();
        });
    }

    /**
     * Subscriptions are stored (the good ones of a list) and answered per object; OperateType 1 cancels. Beatbook
     * sends no notifications.
     */
    @PostMapping("/Subscribes")
    CompletableFuture<ResponseEntity<?>> subscribes(HttpServletRequest request,
                                                    @RequestBody(required = false) byte[] body, Locale locale) {
        return objects(request, body, locale, root -> subscriptionItems(ViidObjects.subscribes(root),
                ViidReplies.INVALID_JSON_CONTENT, good -> subscriptions.store(subscriber(request), good)));
    }

    /**
     * 批量修改订阅: each SubscribeObject changes the sender's subscription of that SubscribeID (fields left out keep
     * their value; OperateType 1 cancels). Answered per object: an unknown or cancelled SubscribeID with StatusCode 4.
     */
    @PutMapping("/Subscribes")
    CompletableFuture<ResponseEntity<?>> updateSubscribes(HttpServletRequest request,
                                                          @RequestBody(required = false) byte[] body, Locale locale) {
        return objects(request, body, locale, root -> subscriptionItems(ViidObjects.subscribes(root),
                ViidReplies.INVALID_JSON_CONTENT, good -> subscriptions.update(subscriber(request), good)));
    }

    /**
     * 批量删除订阅 ({@code DELETE /VIID/Subscribes?IDList=a,b}): cancels the sender's subscriptions with these ids. The
     * rows stay, marked cancelled; one status per id listed, an unknown id with StatusCode 4. Vendors that put IDList
     * in a JSON body (as text or a list) are served too.
     */
    @DeleteMapping("/Subscribes")
    ResponseEntity<?> deleteSubscribes(HttpServletRequest request, @RequestBody(required = false) byte[] body,
                                       Locale locale) {
        String url = request.getRequestURI();
        String named = request.getHeader(USER_IDENTIFY);
        if (sessions.registered(named).isEmpty()) {
            return notRegistered(named, url, locale);
        }
        List<String> values = idListParameter(request);
        if (values.isEmpty() && body != null && body.length > 0) {
            JsonNode root = tree(body);
            if (root == null) {
                return answers.error(HttpStatus.BAD_REQUEST, named, url, ViidReplies.INVALID_JSON_FORMAT,
                        answers.fieldProblem("body", "viid.json.malformed", locale));
            }
            values = ViidObjects.idListOf(root);
        }
        List<Read<String>> ids = ViidObjects.ids(values);
        if (ids.isEmpty() || ids.size() > ViidObjects.MAX_IDS) {
            return answers.error(HttpStatus.BAD_REQUEST, named, url, ViidReplies.INVALID_OPERATION,
                    answers.fieldProblem("IDList", ids.isEmpty() ? "viid.idList.required" : "viid.idList.tooMany",
                            locale, ViidObjects.MAX_IDS));
        }
        List<Item> items = subscriptionItems(ids, ViidReplies.INVALID_OPERATION, good -> subscriptions.cancel(
                subscriber(request), good, ViidSubscriptions.Via.DELETE, ViidObjects.Cancellation.NONE));
        return answers.reply(HttpStatus.OK, new StatusListReply(statuses(items, List.of(), url, locale)));
    }

    /**
     * 取消订阅 ({@code PUT /VIID/Subscribes/<ID>} with a SubscribeObject naming who cancels and why, or no body):
     * answered with one ResponseStatus; an unknown id with 404 and StatusCode 4.
     */
    @PutMapping("/Subscribes/{subscribeId}")
    ResponseEntity<?> cancelSubscribe(HttpServletRequest request, @PathVariable String subscribeId,
                                      @RequestBody(required = false) byte[] body, Locale locale) {
        String url = request.getRequestURI();
        String named = request.getHeader(USER_IDENTIFY);
        if (sessions.registered(named).isEmpty()) {
            return notRegistered(named, url, locale);
        }
        List<Read<String>> id = ViidObjects.ids(List.of(subscribeId));
        if (id.size() != 1 || !id.get(0).ok()) {
            return answers.error(HttpStatus.BAD_REQUEST, null, url, ViidReplies.INVALID_OPERATION,
                    answers.fieldProblem("SubscribeID", "viid.field.subscribeId", locale));
        }
        String sid = id.get(0).object();
        ViidObjects.Cancellation why = ViidObjects.Cancellation.NONE;
        if (body != null && body.length > 0) {
            JsonNode root = tree(body);
            if (root == null) {
                return answers.error(HttpStatus.BAD_REQUEST, sid, url, ViidReplies.INVALID_JSON_FORMAT,
                        answers.fieldProblem("body", "viid.json.malformed", locale));
            }
            Read<ViidObjects.Cancellation> read;
            try {
                read = ViidObjects.cancellation(root, sid);
            } catch (ViidObjects.BadShape e) {
                return answers.error(HttpStatus.BAD_REQUEST, sid, url, ViidReplies.INVALID_JSON_CONTENT,
                        answers.fieldProblem(e.field(), "viid.json.shape", locale));
            }
            if (!read.ok()) {
                return answers.error(HttpStatus.BAD_REQUEST, sid, url, ViidReplies.INVALID_JSON_CONTENT,
                        answers.fieldProblem(read.field(), read.messageKey(), locale));
            }
            why = read.object();
        }
        ViidSubscriptions.Outcome outcome = subscriptions.cancel(subscriber(request), List.of(sid),
                ViidSubscriptions.Via.CANCEL, why).get(0);
        if (outcome != ViidSubscriptions.Outcome.DONE) {
            return answers.error(HttpStatus.NOT_FOUND, sid, url, ViidReplies.INVALID_OPERATION,
                    answers.fieldProblem("SubscribeID", "viid.subscription.unknown", locale));
        }
        return answers.reply(HttpStatus.OK, new StatusReply(answers.ok(sid, url, locale)));
    }

    /**
     * One item per object read: its parse problem (answered with {@code badCode}), or what {@code apply} made of it
     * ({@code apply} gets the good objects, in order, and answers one outcome each).
     */
    private static <T> List<Item> subscriptionItems(List<Read<T>> read, String badCode,
                                                    Function<List<T>, List<ViidSubscriptions.Outcome>> apply) {
        List<ViidSubscriptions.Outcome> outcomes = apply.apply(read.stream().filter(Read::ok).map(Read::object).toList());
        List<Item> items = new ArrayList<>(read.size());
        int next = 0;
        for (Read<T> r : read) {
            if (!r.ok()) {
                items.add(Item.of(r.id(), badCode, r.field(), r.messageKey()));
                continue;
            }
            items.add(switch (outcomes.get(next++)) {
                case DONE -> Item.of(r.id(), null, null, null);
                case UNKNOWN -> Item.of(r.id(), ViidReplies.INVALID_OPERATION, "SubscribeID",
                        "viid.subscription.unknown");
                case CANCELLED -> Item.of(r.id(), ViidReplies.INVALID_OPERATION, "SubscribeID",
                        "viid.subscription.cancelled");
                case END_BEFORE_BEGIN -> Item.of(r.id(), ViidReplies.INVALID_JSON_CONTENT, "EndTime",
                        "viid.field.endBeforeBegin");
            });
        }
        return items;
    }

    /** The subscriber: the registered DeviceID of the request (checked before a subscription is read). */
    private static String subscriber(HttpServletRequest request) {
        return request.getHeader(USER_IDENTIFY).trim();
    }

    /** IDList from the query, whatever the case of its name. */
    private static List<String> idListParameter(HttpServletRequest request) {
        List<String> values = new ArrayList<>();
        request.getParameterMap().forEach((name, given) -> {
            if ("IDList".equalsIgnoreCase(name)) {
                values.addAll(List.of(given));
            }
        });
        return values;
    }

    /** Notifications of a subscription: the vehicles inside are stored; one status per notification. */
    @PostMapping("/SubscribeNotifications")
    CompletableFuture<ResponseEntity<?>> notifications(HttpServletRequest request,
                                                       @RequestBody(required = false) byte[] body, Locale locale) {
        return objects(request, body, locale, root -> ViidObjects.notifications(root).stream().map(r -> {
            if (!r.ok()) {
                return new Item(r.id(), List.of(), r.field(), r.messageKey());
            }
            List<IncomingEvent> events = new ArrayList<>();
            String field = null;
            String key = null;
            for (Read<MotorVehicleObject> v : r.object().motorVehicles()) {
                if (v.ok()) {
                    events.add(ingest.event(v.object()));
                } else if (field == null) {
                    field = "MotorVehicleObject(" + v.id() + ")." + v.field();
                    key = v.messageKey();
                }
            }
            for (Read<NonMotorVehicleObject> v : r.object().nonMotorVehicles()) {
                if (v.ok()) {
                    events.add(ingest.event(v.object()));
                } else if (field == null) {
                    field = "NonMotorVehicleObject(" + v.id() + ")." + v.field();
                    key = v.messageKey();
                }
            }
            // the good vehicles of a notification are stored even when one of its vehicles is bad
            return new Item(r.id(), events, ViidReplies.INVALID_JSON_CONTENT, field, key, true);
        }).toList());
    }

    /**
     * One answered object: the events it yields and, when it (or a part of it) cannot be stored, the status code, the
     * field and the rule. {@code partial}: store the events even though a problem is reported.
     */
    private record Item(String id, List<IncomingEvent> events, String code, String field, String messageKey,
                        boolean partial) {
        Item(String id, List<IncomingEvent> events, String field, String messageKey) {
            this(id, events, ViidReplies.INVALID_JSON_CONTENT, field, messageKey, false);
        }

        /** An item that stores nothing: a success when {@code field} is null, else answered with {@code code}. */
        static Item of(String id, String code, String field, String messageKey) {
            return new Item(id, List.of(), code, field, messageKey, false);
        }

        boolean stores() {
            return field == null || partial;
        }
    }

    private CompletableFuture<ResponseEntity<?>> objects(HttpServletRequest request, byte[] body, Locale locale,
                                                         Function<JsonNode, List<Item>> reader) {
        String url = request.getRequestURI();
        String named = request.getHeader(USER_IDENTIFY);
        Optional<DeviceRef> device = sessions.registered(named);
        if (device.isEmpty()) {
            return done(notRegistered(named, url, locale));
        }
        JsonNode root = tree(body);
        if (root == null) {
            return done(answers.error(HttpStatus.BAD_REQUEST, null, url, ViidReplies.INVALID_JSON_FORMAT,
                    answers.fieldProblem("body", "viid.json.malformed", locale)));
        }
        List<Item> items;
        try {
            items = reader.apply(root);
        } catch (ViidObjects.BadShape e) {
            return done(answers.error(HttpStatus.BAD_REQUEST, null, url, ViidReplies.INVALID_JSON_CONTENT,
                    answers.fieldProblem(e.field(), "viid.json.shape", locale)));
        }
        List<IncomingEvent> events = new ArrayList<>();
        items.stream().filter(Item::stores).forEach(i -> events.addAll(i.events()));
        return ingest.submit(device.get(), events, locale)
                .<ResponseEntity<?>>thenApply(fates -> answers.reply(HttpStatus.OK,
                        new StatusListReply(statuses(items, fates, url, locale))))
                .exceptionally(e -> unavailable(named, url, locale, e));
    }

    /** One status per item: its own parse problem, else the first rejection among its events, else success. */
    private List<ResponseStatus> statuses(List<Item> items, List<EventFate> fates, String url, Locale locale) {
        List<ResponseStatus> statuses = new ArrayList<>(items.size());
        int next = 0;
        for (Item item : items) {
            EventFate rejected = null;
            if (item.stores()) {
                for (int i = 0; i < item.events().size(); i++) {
                    EventFate fate = fates.get(next++);
                    if (fate.outcome() == EventFate.Outcome.REJECTED && rejected == null) {
                        rejected = fate;
                    }
                }
            }
            if (item.field() != null) {
                statuses.add(answers.status(item.id(), url, item.code(),
                        answers.fieldProblem(item.field(), item.messageKey(), locale)));
            } else if (rejected != null) {
                statuses.add(answers.status(item.id(), url, ViidReplies.INVALID_JSON_CONTENT,
                        rejected.field() + ": " + rejected.reason()));
            } else {
                statuses.add(answers.ok(item.id(), url, locale));
            }
        }
        return statuses;
    }

    private JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private ResponseEntity<?> notRegistered(String named, String url, Locale locale) {
        return answers.error(HttpStatus.UNAUTHORIZED, named, url, ViidReplies.INVALID_OPERATION,
                answers.fieldProblem(USER_IDENTIFY, "viid.status.notRegistered", locale));
    }

    private ResponseEntity<?> unavailable(String named, String url, Locale locale, Throwable e) {
        log.warn("GA/T 1400 {} from {} not stored: {}", url, named, e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(ViidAnswers.VIID_JSON).body(new StatusReply(answers.status(named, url,
                        ViidReplies.DEVICE_BUSY, answers.text("viid.status.unavailable", locale))));
    }

    /**
     * A body without a declared length that grew past the limit while it was read (the shared size filter cut it
     * off), or one that could not be read at all: a ResponseStatus, not the API's problem JSON.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<StatusReply> unreadable(HttpMessageNotReadableException e, HttpServletRequest request, Locale locale) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLarge) {
                return answers.reply(HttpStatus.CONTENT_TOO_LARGE,
                        ViidBodyLimit.tooLarge(answers, request, locale, maxBodyBytes));
            }
        }
        return answers.error(HttpStatus.BAD_REQUEST, request.getHeader(USER_IDENTIFY), request.getRequestURI(),
                ViidReplies.INVALID_JSON_FORMAT, answers.fieldProblem("body", "viid.json.malformed", locale));
    }

    /** The database is away (registrations and subscriptions live there): busy, try again, never a 500. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<?> storeUnavailable(RuntimeException e, HttpServletRequest request, Locale locale) {
        return unavailable(request.getHeader(USER_IDENTIFY), request.getRequestURI(), locale, e);
    }

    private static CompletableFuture<ResponseEntity<?>> done(ResponseEntity<?> answer) {
        return CompletableFuture.completedFuture(answer);
    }
}
