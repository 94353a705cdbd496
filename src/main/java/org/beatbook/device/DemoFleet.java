package org.beatbook.device;

import java.util.List;

/**
 * Residents' registered vehicles, which the demo traffic simulator sends through their own compound's gates for most
 * of its passages, so the same cars and e-bikes come and go and the rules about registered vehicles can fire. The
 * vehicle module declares one as a bean; without one every simulated passage is a stranger's.
 */
public interface DemoFleet {

    /** The vehicles registered to rooms under the node {@code compound} (a node code); empty lists when none. */
    Fleet at(String compound);

    /**
     * @param plates canonical motor-vehicle plates, e.g. {@code 皖E3K7P2}
     * @param tags   canonical e-bike RFID tags (upper-case hex)
     */
    record Fleet(List<String> plates, List<String> tags) {

        public static final Fleet NONE = new Fleet(List.of(), List.of());

        public Fleet {
            plates = List.copyOf(plates);
            tags = List.copyOf(tags);
        }
    }
}
