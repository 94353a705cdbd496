package org.beatbook.address;

/**
 * Levels of the standard address tree, top to bottom (DOMAIN.md). {@link #PLACE} is a
 * non-home place (school, rail station, key site, enterprise premises) hanging on the tree,
 * with a category and WGS-84 coordinates.
 */
public enum AddressLevel {
    PROVINCE, CITY, DISTRICT, STREET, COMMUNITY, COMPOUND, BUILDING, UNIT, FLOOR, ROOM, PLACE
}
