package org.quorum.history;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.quorum.history.Transition.Activity;
import org.quorum.history.Transition.Decision;
import org.quorum.history.Transition.DecisionOutput;
import org.quorum.history.Transition.Incident;
import org.quorum.history.Transition.Instance;
import org.quorum.history.Transition.Process;
import org.quorum.history.Transition.RunningTask;
import org.quorum.history.Transition.Task;

/**
 * Copies the facts renderers need out of Camunda's history entities, which are the same classes whether the engine
 * emits them or HistoryService reads them back (the query entities extend the event entities). The ids come from
 * {@code getId()}: the read-back entities carry the row id only.
 */
final class HistoryFacts {

    private HistoryFacts() {
    }

    static Instance instance(HistoryEvent e) {
        return new Instance(e.getProcessDefinitionKey(), e.getProcessDefinitionId(), e.getProcessInstanceId(),
                e.getRootProcessInstanceId());
    }

    static Process process(HistoricProcessInstanceEventEntity e) {
        return new Process(e.getBusinessKey(), e.getProcessDefinitionVersion(), e.getStartUserId(),
                e.getSuperProcessInstanceId(), e.getState(), e.getStartActivityId(), e.getEndActivityId(),
                e.getDeleteReason());
    }

    static Activity activity(HistoricActivityInstanceEventEntity e) {
        return new Activity(e.getId(), e.getActivityId(), e.getActivityName(), e.getActivityType(), e.getTaskId(),
                e.getCalledProcessInstanceId(), instant(e.getStartTime()));
    }

    static Task task(HistoricTaskInstanceEventEntity e) {
        return new Task(e.getId(), e.getName(), e.getTaskDefinitionKey(), e.getActivityInstanceId(), e.getAssignee(),
                e.getOwner(), e.getPriority(), instant(e.getDueDate()), e.getDeleteReason());
    }

    static Incident incident(HistoricIncidentEventEntity e) {
        return new Incident(e.getId(), e.getIncidentType(), e.getIncidentMessage(), e.getActivityId(),
                e.getFailedActivityId());
    }

    static Decision decision(HistoricDecisionInstanceEntity e) {
        return new Decision(instance(e), e.getId(), e.getDecisionDefinitionKey(), e.getDecisionDefinitionName(),
                e.getActivityId(), instant(e.getEvaluationTime()), outputs(e.getOutputs()));
    }

    static List<Decision> decisions(Collection<HistoricDecisionInstanceEntity> entities) {
        return entities == null ? List.of() : entities.stream().map(HistoryFacts::decision).toList();
    }

    private static List<DecisionOutput> outputs(List<HistoricDecisionOutputInstance> outputs) {
        return outputs == null ? List.of() : outputs.stream()
                .map(o -> new DecisionOutput(o.getRuleId(), o.getVariableName(), o.getValue()))
                .toList();
    }

    static RunningTask runningTask(TaskEntity task) {
        return task == null ? null : new RunningTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
                task.getOwner(), task.getDelegationState() == null ? null : task.getDelegationState().name());
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
