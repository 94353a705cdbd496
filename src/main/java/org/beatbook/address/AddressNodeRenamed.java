package org.beatbook.address;

/**
 * A node now has another name; its code and path stay. Modules that keep a label made of node names (a room's
 * "阳光新城 3号楼2单元501室", a room key "3-2-501") rebuild it for every row at or below {@code path}.
 */
public record AddressNodeRenamed(String code, String path, AddressLevel level, String oldName, String newName) { }
