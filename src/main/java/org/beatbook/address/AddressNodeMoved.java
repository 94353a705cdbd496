package org.beatbook.address;

/**
 * A node (with its whole subtree) now hangs under another parent. Modules that store a node's path on
 * their scoped rows re-path every row under {@code oldPath} to the same place under {@code newPath}.
 */
public record AddressNodeMoved(String code, String oldPath, String newPath) { }
