package org.beatbook.identity.internal;

/** Filter of the user list: usable, locked after failed sign-ins, or disabled by an administrator. */
public enum UserState { ACTIVE, LOCKED, DISABLED }
