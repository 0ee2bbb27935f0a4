package org.quorum.events.client;

import java.util.List;

/** Data of {@code quorum.decision.evaluated.v1}: a DMN decision evaluated by a business rule task. */
public record DecisionEvaluatedData(String actor, String decisionDefinitionKey, String decisionDefinitionName,
        String decisionInstanceId, String activityId, List<Outcome> outcome) {

    /** One matched rule's output; {@code value} is whatever JSON the output held (string, number, ...). */
    public record Outcome(String ruleId, String name, Object value) {
    }
}
