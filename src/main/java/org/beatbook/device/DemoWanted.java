package org.beatbook.device;

import java.util.List;

/**
 * Plates and e-bike tags the demo traffic simulator mixes into its passages now and then, so that a demo hotlist
 * raises alerts. The alert module declares one as a bean over its demo hotlist; without one the traffic has no hits.
 */
public interface DemoWanted {

    /** Motor-vehicle plates, e.g. {@code 皖E8A123}. */
    List<String> plates();

    /** E-bike RFID tags (hex). */
    List<String> tags();
}
