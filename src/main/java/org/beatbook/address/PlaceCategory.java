package org.beatbook.address;

/** What kind of non-home place a {@link AddressLevel#PLACE} node is. */
public enum PlaceCategory {
    SCHOOL, RAIL_STATION, HOSPITAL, MARKET, KEY_SITE, ENTERPRISE, SHOP, GOVERNMENT, OTHER
}
