package org.quorum.events.client;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code quorum.task.created.v1}. {@code candidateGroups} was added in contract 1.1: it is null in events
 * published before, and empty when the model offers the task to no group.
 */
public record TaskCreatedData(String actor, String taskId, String taskName, String taskDefinitionKey,
        String activityInstanceId, String assignee, String owner, int priority, Instant dueDate,
        List<String> candidateGroups) {
}
