package org.quorum.events.client;

import java.util.Map;

/**
 * Data of every business decision on the decision topic ({@code quorum.<decision>.v1}, docs/schemas/decision.json):
 * {@code variables} holds exactly the variables the model declares publishable, dates as ISO-8601 strings.
 */
public record DecisionData(String actor, String decision, String activityId, String activityName,
        String activityInstanceId, Map<String, Object> variables) {
}
