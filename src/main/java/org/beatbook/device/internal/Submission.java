package org.beatbook.device.internal;

import org.beatbook.device.DeviceRef;
import org.beatbook.device.EventFate;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One device's validated events waiting for a commit.
 *
 * @param checked   the events that passed the rules
 * @param positions for each checked event, its position in the submitted list (and in {@code fates})
 * @param fates     one per submitted event; REJECTED ones are filled in already, the rest after the commit
 */
record Submission(DeviceRef device, List<CheckedEvent> checked, int[] positions, EventFate[] fates,
                  CompletableFuture<List<EventFate>> done) {

    int size() {
        return checked.size();
    }
}
