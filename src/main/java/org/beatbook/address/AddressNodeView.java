package org.beatbook.address;

/**
 * A node as callers see it.
 *
 * @param code       stable code (GB/T 39609 style: division code + compound/lane + building + unit/room); never changes
 * @param parentCode null for a root
 * @param path       ltree path of codes from the root; changes when the node or an ancestor moves
 * @param category   place category for {@link AddressLevel#PLACE} nodes, else null
 * @param latitude   WGS-84, may be null
 * @param longitude  WGS-84, may be null
 * @param retired    retired nodes stay for history but take no new references
 */
public record AddressNodeView(String code, String parentCode, String path, AddressLevel level, String name,
                              String category, Double latitude, Double longitude, boolean retired) { }
