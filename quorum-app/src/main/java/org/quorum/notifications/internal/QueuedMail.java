package org.quorum.notifications.internal;

/** A mail decided and written, waiting in the queue for its recipient's delivery choice. */
record QueuedMail(Recipient to, MailKind kind, String taskId, String subject, String body) {
}
