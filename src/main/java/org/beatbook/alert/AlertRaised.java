package org.beatbook.alert;

import java.time.Instant;

/** An alert was raised (for readers such as the daily briefing). */
public record AlertRaised(long alertId, AlertRule rule, String nodeCode, String nodePath, Instant occurredAt) { }
