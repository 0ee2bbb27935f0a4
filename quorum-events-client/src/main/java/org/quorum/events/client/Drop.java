package org.quorum.events.client;

/** Why the receiver did not pass an event on. */
public enum Drop {
    /** Its id was seen within the deduplication window: a redelivery of an event already handled. */
    REPEATED_ID,
    /** Its sequence is at or below the last one handled for its key: redelivered or out of order. */
    STALE_SEQUENCE
}
