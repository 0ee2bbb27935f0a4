package org.quorum.notifications.internal;

/** How a user wants to be told; a user who never chose gets {@link #IMMEDIATE}. */
enum Delivery {
    /** One mail per task event, sent at once. */
    IMMEDIATE,
    /** The day's mails in one, at {@code quorum.notifications.digest-time}. */
    DAILY_DIGEST,
    /** No mail at all. */
    OFF
}
