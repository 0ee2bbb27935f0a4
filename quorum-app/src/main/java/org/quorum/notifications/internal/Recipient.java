package org.quorum.notifications.internal;

/** Someone a mail goes to: a Camunda user with an e-mail address. */
record Recipient(String userId, String address, String name) {
}
