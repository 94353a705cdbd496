package org.beatbook.address.internal;

import org.beatbook.address.AddressLevel;
import org.beatbook.address.AddressNodeView;
import org.beatbook.address.PlaceCategory;

import java.time.Instant;

/** A node as stored. Its code never changes; its path follows moves. */
public record AddressNode(String code, String parentCode, String path, AddressLevel level, String name,
                          PlaceCategory category, Double latitude, Double longitude, Instant retiredAt,
                          Instant updatedAt, int version) {

    public boolean retired() {
        return retiredAt != null;
    }

    public AddressNodeView view() {
        return new AddressNodeView(code, parentCode, path, level, name, category == null ? null : category.name(),
                latitude, longitude, retired());
    }
}
