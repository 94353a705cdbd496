package org.beatbook.device.internal;

/** Why an event was refused: the field at fault and the message key of the rule it broke. */
record Rejection(String field, String messageKey, Object... args) { }
