package org.beatbook.address.internal;

/** A node in a list, with the number of its live children. */
public record AddressChild(AddressNode node, long childCount) {
}
