package org.beatbook.shared.web;

/** One entry of a problem response's {@code errors}: which field, and what is wrong, in the caller's language. */
public record FieldMessage(String field, String message) { }
