package org.quorum.events.client;

/**
 * Data of {@code quorum.activity.completed.v1}, {@code quorum.timer.fired.v1} and
 * {@code quorum.message.correlated.v1}; {@code canceled} is true when the flow node was interrupted.
 */
public record ActivityEndedData(String actor, String activityId, String activityName, String activityType,
        String activityInstanceId, String taskId, String calledProcessInstanceId, boolean canceled) {
}
