package org.beatbook.alert.internal;

/** NEW → ACKNOWLEDGED → DISPATCHED (a task with an assignee) → CLOSED with an outcome. */
public enum AlertState {
    NEW, ACKNOWLEDGED, DISPATCHED, CLOSED;

    public String messageKey() {
        return "alert.state." + name();
    }
}
