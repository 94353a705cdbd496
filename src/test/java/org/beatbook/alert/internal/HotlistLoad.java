package org.beatbook.alert.internal;

import org.beatbook.alert.internal.HotlistStore.Entry;
import org.springframework.boot.test.context.TestComponent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lists many stolen plates at once (bulk insert, one matcher reload), for benchmarks. */
@TestComponent
public class HotlistLoad {

    private final Hotlists hotlists;
    private final HotlistMatcher matcher;

    HotlistLoad(Hotlists hotlists, HotlistMatcher matcher) {
        this.hotlists = hotlists;
        this.matcher = matcher;
    }

    /** Lists {@code n} plates 皖B00000… and answers them. */
    public List<String> load(int n) {
        List<Entry> entries = new ArrayList<>(n);
        List<String> plates = new ArrayList<>(n);
        Instant from = Instant.now().minusSeconds(86_400);
        for (int i = 0; i < n; i++) {
            String plate = "皖B" + String.format("%05d", i);
            plates.add(plate);
            entries.add(new Entry(0, HotlistKind.PLATE, plate, "bench", null, from, null, null, "bench", null));
        }
        hotlists.addAll(entries, null);
        matcher.reload();
        return plates;
    }
}
