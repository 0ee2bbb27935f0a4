package org.quorum.events.client;

import java.time.Instant;

/** Data of {@code quorum.task.deleted.v1}: a task removed without completion (cancellation, boundary event). */
public record TaskDeletedData(String actor, String taskId, String taskName, String taskDefinitionKey,
        String activityInstanceId, String assignee, String owner, int priority, Instant dueDate,
        String deleteReason) {
}
