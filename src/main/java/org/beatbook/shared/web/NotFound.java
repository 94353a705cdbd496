package org.beatbook.shared.web;

/**
 * The thing asked for does not exist <em>for this caller</em>: missing and out-of-jurisdiction
 * look the same (404, same body), so the API is no existence oracle. Modules subclass it with
 * a name that states the fact, e.g. {@code AddressNodeNotFound}.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super(what + " " + id + " not found");
    }
}
