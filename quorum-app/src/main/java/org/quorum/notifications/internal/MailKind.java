package org.quorum.notifications.internal;

/** Why a mail is sent; stored with it. */
enum MailKind {
    /** A task was assigned (or delegated) to the recipient, by someone else or by a position's routing. */
    ASSIGNED,
    /** A task was offered to a group the recipient belongs to. */
    OFFERED,
    /** The recipient's task is due soon. */
    REMINDER,
    /** The recipient's task is overdue. */
    OVERDUE,
    /** A task of the office the recipient heads is overdue. */
    OFFICE_OVERDUE,
    /** The daily digest of the other kinds. */
    DIGEST
}
