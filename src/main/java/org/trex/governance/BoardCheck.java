package org.trex.governance;

/** What checking or adopting a board register did, when it did not refuse it. */
public enum BoardCheck {
    /** The governance database had no register yet and adopted this one (trust on first use). */
    ADOPTED_ON_FIRST_USE,
    /** It was adopted in place of the adopted register, on enough of that register's members' signatures. */
    ADOPTED_ON_SIGNATURES,
    /** It is the adopted register. */
    ADOPTED_ALREADY
}
