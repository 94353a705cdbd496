package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.PlaceCategory;

/** Create a node: {@code code} null to have one generated from the parent's. */
public record NewAddressNode(String parentCode, AddressLevel level, String name, String code,
                             PlaceCategory category, Double latitude, Double longitude) {
}
