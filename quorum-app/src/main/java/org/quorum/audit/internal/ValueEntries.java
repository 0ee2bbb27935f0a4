package org.quorum.audit.internal;

import static org.quorum.audit.internal.TimelineText.details;
import static org.quorum.audit.internal.TimelineText.display;
import static org.quorum.audit.internal.TimelineText.name;
import static org.quorum.audit.internal.TimelineText.pairs;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.quorum.history.Transition.Task;
import org.springframework.stereotype.Component;

/** The values an instance recorded: what its forms set (the variables the model marks auditable), its decisions. */
@Component
class ValueEntries {

    private final HistoryService history;
    private final AuditFields auditFields;

    ValueEntries(HistoryService history, AuditFields auditFields) {
        this.history = history;
        this.auditFields = auditFields;
    }

    /** Each auditable variable's values, attributed to the task whose completion set it. */
    void formData(TimelineEntries entries, HistoricProcessInstance instance,
                  Map<String, Task> taskByActivityInstance, TaskActors actors) {
        Set<String> auditable = auditFields.of(instance.getProcessDefinitionId());
        if (auditable.isEmpty()) {
            return;
        }
        for (HistoricDetail detail : entries.bounded(history.createHistoricDetailQuery()
                .processInstanceId(instance.getId()).variableUpdates().disableCustomObjectDeserialization()
                .orderPartiallyByOccurrence().asc())) {
            HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
            if (!auditable.contains(update.getVariableName())) {
                continue;
            }
            Task task = update.getTaskId() != null ? null : taskByActivityInstance.get(update.getActivityInstanceId());
            String taskId = update.getTaskId() != null ? update.getTaskId() : task == null ? null : task.id();
            String actor = taskId == null ? null : actors.completedBy().get(taskId);
            String value = display(update.getTypedValue());
            entries.add(update.getTime(), TimelineEntries.VARIABLE, "form.data",
                    "Recorded " + update.getVariableName() + " = " + value
                            + (task == null ? "" : " in task " + TransitionEntries.quoted(task)),
                    task == null ? null : task.definitionKey(), actor,
                    taskId == null ? null : actors.actingFor().get(taskId),
                    details("variable", update.getVariableName(), "value", value, "type", update.getTypeName(),
                            "taskId", taskId));
        }
    }

    void decisions(TimelineEntries entries, String processInstanceId) {
        for (HistoricDecisionInstance decision : entries.bounded(history.createHistoricDecisionInstanceQuery()
                .processInstanceId(processInstanceId).includeInputs().includeOutputs()
                .disableCustomObjectDeserialization())) {
            decision(entries, decision);
        }
    }

    private static void decision(TimelineEntries entries, HistoricDecisionInstance decision) {
        List<Map<String, Object>> inputs = decision.getInputs().stream()
                .map(input -> details("name", name(input.getClauseName(), input.getClauseId()),
                        "value", display(input.getTypedValue())))
                .toList();
        List<Map<String, Object>> outputs = decision.getOutputs().stream()
                .map(output -> details("name", name(output.getVariableName(), output.getClauseName()),
                        "value", display(output.getTypedValue()), "ruleId", output.getRuleId()))
                .toList();
        String summary = "Decision '" + name(decision.getDecisionDefinitionName(), decision.getDecisionDefinitionKey())
                + "' evaluated: " + pairs(inputs) + " gave " + (outputs.isEmpty() ? "no result" : pairs(outputs));
        Map<String, Object> details = details("decisionInstanceId", decision.getId(),
                "decisionDefinitionKey", decision.getDecisionDefinitionKey(),
                "decisionDefinitionId", decision.getDecisionDefinitionId());
        details.put("inputs", inputs);
        details.put("outputs", outputs);
        entries.add(decision.getEvaluationTime(), TimelineEntries.DECISION, "decision.evaluated", summary,
                decision.getActivityId(), decision.getUserId(), null, details);
    }
}
