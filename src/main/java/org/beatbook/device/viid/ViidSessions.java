package org.beatbook.device.viid;

import jakarta.servlet.http.HttpServletRequest;
import org.beatbook.device.DeviceDirectory;
import org.beatbook.device.DeviceRef;
import org.beatbook.device.viid.ViidReplies.StatusReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Who is talking GA/T 1400: Digest for Register/UnRegister, then the registered DeviceID in User-Identify. */
@Component
class ViidSessions {

    private static final Logger log = LoggerFactory.getLogger(ViidSessions.class);

    private final ViidDigest digest;
    private final ViidRegistrations registrations;
    private final DeviceDirectory directory;
    private final ViidAnswers answers;
    private final ObjectMapper json;
    private final ViidProperties properties;

    ViidSessions(ViidDigest digest, ViidRegistrations registrations, DeviceDirectory directory, ViidAnswers answers,
                 ObjectMapper json, ViidProperties properties) {
        this.digest = digest;
        this.registrations = registrations;
        this.directory = directory;
        this.answers = answers;
        this.json = json;
        this.properties = properties;
    }

    String serverId() {
        return properties.serverId();
    }

    /**
     * Runs {@code verified} with the DeviceID when the request carries a valid Digest answer (and its body, if it
     * names a DeviceID, names the same); otherwise answers 401 with a fresh challenge.
     */
    ResponseEntity<StatusReply> digest(HttpServletRequest request, byte[] body, String wrapper, Locale locale,
                                       Function<String, ResponseEntity<StatusReply>> verified) {
        String url = request.getRequestURI();
        ViidDigest.Outcome outcome = digest.verify(request.getHeader(HttpHeaders.AUTHORIZATION), request.getMethod(), url);
        if (!outcome.verified()) {
            if (outcome.replayed()) {
                log.warn("GA/T 1400 {} refused: replayed Digest answer (nonce count used before) from {}", url,
                        request.getRemoteAddr());
            } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null && !outcome.stale()) {
                log.info("GA/T 1400 {} refused: wrong Digest answer from {}", url, request.getRemoteAddr());
            }
            return answers.challenge(digest.challenge(outcome.stale()), url, locale);
        }
        String named = bodyDeviceId(body, wrapper);
        if (named != null && !named.equals(outcome.deviceId())) {
            return answers.error(HttpStatus.BAD_REQUEST, named, url, ViidReplies.INVALID_JSON_CONTENT,
                    answers.fieldProblem(wrapper + ".DeviceID", "viid.field.notDigestUser", locale));
        }
        return verified.apply(outcome.deviceId());
    }

    void register(String viidDeviceId, String remoteAddress) {
        registrations.register(viidDeviceId, remoteAddress);
    }

    void unregister(String viidDeviceId) {
        registrations.unregister(viidDeviceId);
    }

    /** The active device behind a registered DeviceID; renews the registration. */
    Optional<DeviceRef> registered(String viidDeviceId) {
        if (viidDeviceId == null || !registrations.touch(viidDeviceId.trim())) {
            return Optional.empty();
        }
        return directory.byViidDeviceId(viidDeviceId.trim());
    }

    /** Like {@link #registered}, and records the Keepalive. */
    Optional<DeviceRef> keptAlive(String viidDeviceId) {
        if (viidDeviceId == null || !registrations.keepalive(viidDeviceId.trim())) {
            return Optional.empty();
        }
        return directory.byViidDeviceId(viidDeviceId.trim());
    }

    private String bodyDeviceId(byte[] body, String wrapper) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return ViidObjects.deviceIdOf(json.readTree(body), wrapper);
        } catch (JacksonException e) {
            return null;
        }
    }
}
