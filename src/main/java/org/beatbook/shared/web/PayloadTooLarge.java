package org.beatbook.shared.web;

import java.io.IOException;

/** A request body went past the configured limit while it was being read. */
public class PayloadTooLarge extends IOException {

    public PayloadTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
