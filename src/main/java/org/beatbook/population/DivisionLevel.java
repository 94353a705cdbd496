package org.beatbook.population;

/** Level of a GB/T 2260 division code: XX0000 province, XXXX00 prefecture (city), else county. */
public enum DivisionLevel {
    PROVINCE,
    CITY,
    COUNTY
}
