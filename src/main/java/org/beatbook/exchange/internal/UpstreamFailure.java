package org.beatbook.exchange.internal;

/**
 * A call to the platform did not go through. Nothing of the request counts as acknowledged.
 *
 * @param messageKey what happened, as a message key for the status page
 * @param detail     what the platform or the network said (status code, exception message), untranslated
 */
class UpstreamFailure extends Exception {

    enum Kind {
        /** Network error, timeout, 5xx, an answer that cannot be read: retry after a back-off. */
        UNAVAILABLE,
        /** The platform no longer knows us (401, or Keepalive refused): register again. */
        NOT_REGISTERED,
        /** Registration itself was refused (wrong DeviceID or password): retry after a back-off. */
        REFUSED
    }

    private final Kind kind;
    private final String messageKey;
    private final String detail;

    UpstreamFailure(Kind kind, String messageKey, String detail) {
        super(messageKey + ": " + detail);
        this.kind = kind;
        this.messageKey = messageKey;
        this.detail = detail;
    }

    Kind kind() {
        return kind;
    }

    String messageKey() {
        return messageKey;
    }

    String detail() {
        return detail;
    }
}
