package org.quorum.events.client;

import java.time.Instant;

/** Data of {@code quorum.task.completed.v1}. */
public record TaskData(String actor, String taskId, String taskName, String taskDefinitionKey,
        String activityInstanceId, String assignee, String owner, int priority, Instant dueDate) {
}
