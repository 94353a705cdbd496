package org.beatbook.alert;

import java.util.List;

/**
 * Lists the demo hotlist: a few stolen plates of the demo region (皖) and e-bike RFID tags that the simulated demo
 * traffic sends, so a new user sees alerts arrive live.
 */
public interface AlertDemo {

    /** Lists the demo entries (skipping any already listed) and answers all of them. */
    List<HotlistItem> load(long seed);

    /**
     * @param kind  PLATE or TAG
     * @param value canonical plate or tag, as devices send it
     */
    record HotlistItem(String kind, String value, String source) { }
}
