package org.beatbook.alert.internal;

import org.beatbook.device.DeviceWentSilent;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.alert.AlertRule;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the rules over each batch inside the ingest writer's transaction (memory only) and writes the hits' alerts in
 * that same transaction, so an alert commits with its event: a crash can lose neither one without the other, and
 * a device's resend (answered DUPLICATE) never needs to raise it again. The live feed hears of them after the
 * commit. Turns a device's silence into an alert.
 */
@Component
class AlertDetector implements StoredEventsHandler {

    private final AlertRules rules;
    private final AlertRaiser raiser;

    AlertDetector(AlertRules rules, AlertRaiser raiser) {
        this.rules = rules;
        this.raiser = raiser;
    }

    @Override
    public void inTransaction(List<StoredEvent> stored) {
        List<Hit> hits = new ArrayList<>(2);
        Map<Long, Instant> batchSightings = new HashMap<>();
        for (StoredEvent e : stored) {
            rules.check(e, hits, batchSightings);
        }
        if (!hits.isEmpty()) {
            raiser.raiseWithEvents(hits);
        }
    }

    @ApplicationModuleListener
    void on(DeviceWentSilent silent) {
        raiser.raiseNow(List.of(new Hit(AlertRule.DEVICE_SILENT,
                "d:" + silent.device().id() + ":" + silent.lastSeen().toEpochMilli(), null, silent.device(),
                silent.lastSeen(), silent.lastSeen(), null, null, null, null, null)));
    }
}
