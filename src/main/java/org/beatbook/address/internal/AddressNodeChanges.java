package org.beatbook.address.internal;

import org.beatbook.address.PlaceCategory;

/** Change a node's name, category or coordinates; a null field keeps its value. The code never changes. */
public record AddressNodeChanges(String name, PlaceCategory category, Double latitude, Double longitude) {
}
