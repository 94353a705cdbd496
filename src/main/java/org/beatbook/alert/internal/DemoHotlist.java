package org.beatbook.alert.internal;

import org.beatbook.alert.AlertDemo;
import org.beatbook.alert.internal.HotlistStore.Entry;
import org.beatbook.device.DemoWanted;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo hotlist: three stolen 皖E cars and three stolen e-bikes, varied by the demo seed. The same seed gives the
 * demo traffic simulator its wanted plates and tags ({@link DemoWanted}), so switched-on traffic raises alerts.
 */
@Component
class DemoHotlist implements AlertDemo, DemoWanted {

    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final Hotlists hotlists;
    private final long seed;

    DemoHotlist(Hotlists hotlists, @Value("${beatbook.demo-seed:20261129}") long seed) {
        this.hotlists = hotlists;
        this.seed = seed;
    }

    @Override
    public List<String> plates() {
        return entries(seed).stream().filter(e -> e.kind() == HotlistKind.PLATE).map(Entry::value).toList();
    }

    @Override
    public List<String> tags() {
        return entries(seed).stream().filter(e -> e.kind() == HotlistKind.TAG).map(Entry::value).toList();
    }

    @Override
    public List<HotlistItem> load(long seed) {
        List<Entry> entries = entries(seed);
        hotlists.addAll(entries, null);
        return entries.stream().map(e -> new HotlistItem(e.kind().name(), e.value(), e.source())).toList();
    }

    private static List<Entry> entries(long seed) {
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
        return entries;
    }
}
