package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;

/** A validated node ready to insert: code and path already decided. */
record NewNodeRow(String code, String parentCode, String path, AddressLevel level, String name,
                  PlaceCategory category, Double latitude, Double longitude) {
}
