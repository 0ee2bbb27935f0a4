package org.quorum.positions;

/** A substantive holder is appointed to the position; an interim holder acts for it meanwhile. */
public enum HoldingKind {
    SUBSTANTIVE,
    INTERIM
}
