/**
 * Officers' mail: a subscriber of Quorum's own process events that tells people when a task reaches them, reminds
 * them before it is due and tells them (and the head of the task's office) when it is overdue; each user chooses
 * single mails, a daily digest or none.
 */
package org.quorum.notifications;
