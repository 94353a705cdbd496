package org.beatbook.alert.internal;

import org.beatbook.device.DeviceWentSilent;
import org.beatbook.device.StoredEvent;
import org.beatbook.device.StoredEventsHandler;
import org.beatbook.alert.AlertRule;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the rules over each committed batch on the ingest writer's thread (memory only) and hands the hits to the
 * raiser's own thread, so alerting never slows the writer; turns a device's silence into an alert.
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
    public void afterCommit(List<StoredEvent> stored) {
        List<Hit> hits = null;
        for (StoredEvent e : stored) {
            if (hits == null) {
                hits = new ArrayList<>(2);
            }
            rules.check(e, hits);
        }
        if (hits != null && !hits.isEmpty()) {
            raiser.raiseLater(hits);
        }
    }

    @ApplicationModuleListener
    void on(DeviceWentSilent silent) {
        raiser.raiseNow(List.of(new Hit(AlertRule.DEVICE_SILENT,
                "d:" + silent.device().id() + ":" + silent.lastSeen().toEpochMilli(), null, silent.device(),
                silent.lastSeen(), silent.lastSeen(), null, null, null, null, null)));
    }
}
