package org.quorum.events.client;

/** Data of {@code quorum.incident.created.v1}, {@code .resolved.v1} and {@code .deleted.v1}. */
public record IncidentData(String actor, String incidentId, String incidentType, String incidentMessage,
        String activityId, String failedActivityId) {
}
