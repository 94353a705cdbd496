package org.beatbook.alert.internal;

import org.beatbook.shared.security.Caller;
import org.beatbook.shared.security.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live alert feed: one server-sent-events connection per open live page (or API client), each with the
 * subscriber's scope, so an auxiliary officer is sent only the alerts of their own compounds. Sending happens on
 * one fan-out thread: a slow browser delays the others a little but never the raiser or the ingest writer.
 */
@Component
public class AlertStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertStream.class);
    static final Duration TIMEOUT = Duration.ofMinutes(30);
    static final Duration HEARTBEAT = Duration.ofSeconds(20);

    private record Subscriber(SseEmitter emitter, Scope scope, String username) { }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService fanout = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-stream");
        t.setDaemon(true);
        return t;
    });

    AlertStream() {
        fanout.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new connection for the caller; the browser's EventSource reconnects after the timeout. */
    public SseEmitter subscribe(Caller caller) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Subscriber s = new Subscriber(emitter, caller.scope(), caller.username());
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(2000));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        subscribers.add(s);
        return emitter;
    }

    int subscribers() {
        return subscribers.size();
    }

    void raised(AlertView alert) {
        fanout.execute(() -> send("alert", alert));
    }

    void changed(AlertView alert) {
        fanout.execute(() -> send("alert-changed", alert));
    }

    private void send(String name, AlertView alert) {
        for (Subscriber s : subscribers) {
            if (!s.scope().covers(alert.nodePath())) {
                continue;
            }
            try {
                s.emitter().send(SseEmitter.event().name(name).id(Long.toString(alert.id()))
                        .data(alert, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
                log.debug("alert stream of {} closed: {}", s.username(), e.toString());
            }
        }
    }

    private void heartbeat() {
        for (Subscriber s : subscribers) {
            try {
                s.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }
    }

    @Override
    public void destroy() {
        fanout.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
    }
}
