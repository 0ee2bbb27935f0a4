package org.quorum.events.client;

/** Data of {@code quorum.activity.started.v1}. */
public record ActivityStartedData(String actor, String activityId, String activityName, String activityType,
        String activityInstanceId, String taskId, String calledProcessInstanceId) {
}
