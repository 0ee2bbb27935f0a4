package org.quorum.notifications.internal;

import java.time.Instant;

/**
 * What a mail says about a task.
 *
 * @param due null when the task has no due date
 * @param actingFor e.g. "DSG (Deputy Secretary General)" when the recipient receives it as interim holder; or null
 */
record TaskMail(String taskId, String taskName, String processName, String businessKey, Instant due,
                String actingFor) {
}
