package org.beatbook.alert.internal;

import org.beatbook.alert.AlertDemo;
import org.beatbook.alert.internal.HotlistStore.Entry;
import org.beatbook.device.DemoWanted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo hotlist: three stolen 皖E cars and three stolen e-bikes, varied by the demo seed; offered to the device
 * module's demo traffic simulator as the plates and tags it mixes into its passages now and then.
 */
@Component
class DemoHotlist implements AlertDemo, DemoWanted {

    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Hotlists hotlists;
    private final JdbcClient jdbc;

    DemoHotlist(Hotlists hotlists, JdbcClient jdbc) {
        this.hotlists = hotlists;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> plates() {
        return demoEntries("PLATE");
    }

    @Override
    public List<String> tags() {
        return demoEntries("TAG");
    }

    /** The demo's entries still listed (an officer may have taken one off). */
    private List<String> demoEntries(String kind) {
        return jdbc.sql("SELECT value FROM alert.hotlist_entry WHERE entered_by = 'demo' AND kind = ? AND removed_at IS NULL")
                .param(kind).query(String.class).list();
    }

    @Override
    public List<HotlistItem> load(long seed) {
        Random random = new Random(seed);
        Instant from = Instant.now().minus(30, ChronoUnit.DAYS);
        List<Entry> entries = new ArrayList<>();
        String[] sources = {"市公安局被盗车辆通报", "县公安局两车被盗协查", "派出所接报案"};
        for (int i = 0; i < 3; i++) {
            String plate = "皖E" + PLATE_LETTERS.charAt(random.nextInt(PLATE_LETTERS.length()))
                    + String.format("%04d", random.nextInt(10_000));
            entries.add(new Entry(0, HotlistKind.PLATE, plate, sources[i], "DEMO-P" + (i + 1), from, null, null,
                    "demo", null));
        }
        for (int i = 0; i < 3; i++) {
            String tag = String.format("E28011606000%08X", random.nextInt() & 0x7fffffff);
            entries.add(new Entry(0, HotlistKind.TAG, tag, sources[(i + 1) % 3], "DEMO-T" + (i + 1), from, null, null,
                    "demo", null));
        }
        hotlists.addAll(entries, null);
        return entries.stream().map(e -> new HotlistItem(e.kind().name(), e.value(), e.source())).toList();
    }
}
