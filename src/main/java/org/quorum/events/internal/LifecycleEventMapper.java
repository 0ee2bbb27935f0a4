package org.quorum.events.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionOutputInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.runtime.ActivityInstanceState;
import org.quorum.events.ActingFor;
import org.quorum.events.EventsProperties;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Turns Camunda's history event stream (history level FULL) into Quorum's lifecycle events. The engine emits
 * these for every process, so no BPMN needs listeners of its own. Returns nothing for history events that are
 * not transitions a subscriber acts on (variable updates, property updates, ...).
 */
@Component
class LifecycleEventMapper {

    private static final Set<String> TIMER_ACTIVITIES = Set.of("startTimerEvent", "intermediateTimer", "boundaryTimer");
    private static final Set<String> MESSAGE_ACTIVITIES = Set.of(
            "messageStartEvent", "intermediateMessageCatch", "boundaryMessage", "receiveTask");

    private final String topic;

    LifecycleEventMapper(EventsProperties properties) {
        this.topic = properties.topics().process();
    }

    List<EventDraft> map(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity process) {
            return processEvent(process);
        }
        if (event instanceof HistoricActivityInstanceEventEntity activity) {
            return activityEvents(activity);
        }
        if (event instanceof HistoricTaskInstanceEventEntity task) {
            return taskEvent(task);
        }
        if (event instanceof HistoricIdentityLinkLogEventEntity link) {
            return assignmentEvent(link);
        }
        if (event instanceof HistoricIncidentEventEntity incident) {
            return incidentEvent(incident);
        }
        if (event instanceof HistoricDecisionEvaluationEvent evaluation) {
            return decisionEvaluated(evaluation);
        }
        return List.of();
    }

    private List<EventDraft> processEvent(HistoricProcessInstanceEventEntity e) {
        String type = switch (e.getEventType()) {
            case "start" -> "process.started";
            case "end" -> "COMPLETED".equals(e.getState()) ? "process.completed" : "process.cancelled";
            default -> null;
        };
        if (type == null) {
            return List.of();
        }
        Map<String, Object> data = data();
        data.put("processDefinitionId", e.getProcessDefinitionId());
        data.put("processDefinitionVersion", e.getProcessDefinitionVersion());
        data.put("startUserId", e.getStartUserId());
        data.put("superProcessInstanceId", e.getSuperProcessInstanceId());
        data.put("state", e.getState());
        if (!"start".equals(e.getEventType())) {
            data.put("endActivityId", e.getEndActivityId());
            data.put("deleteReason", e.getDeleteReason());
        }
        Date time = "start".equals(e.getEventType()) ? e.getStartTime() : e.getEndTime();
        return List.of(draft(e, type, e.getProcessInstanceId(), time, e.getBusinessKey(), data));
    }

    private List<EventDraft> activityEvents(HistoricActivityInstanceEventEntity e) {
        boolean started = "start".equals(e.getEventType());
        if (!started && !"end".equals(e.getEventType())) {
            return List.of();
        }
        Map<String, Object> data = data();
        data.put("activityId", e.getActivityId());
        data.put("activityName", e.getActivityName());
        data.put("activityType", e.getActivityType());
        data.put("activityInstanceId", e.getActivityInstanceId());
        data.put("taskId", e.getTaskId());
        data.put("calledProcessInstanceId", e.getCalledProcessInstanceId());
        boolean canceled = !started && e.getActivityInstanceState() == ActivityInstanceState.CANCELED.getStateCode();
        if (!started) {
            data.put("canceled", canceled);
        }
        Date time = started ? e.getStartTime() : e.getEndTime();
        String businessKey = EngineContext.businessKey(e.getProcessInstanceId());
        List<EventDraft> drafts = new ArrayList<>(2);
        drafts.add(draft(e, started ? "activity.started" : "activity.completed", e.getActivityInstanceId(), time,
                businessKey, data));
        if (!started && !canceled && TIMER_ACTIVITIES.contains(e.getActivityType())) {
            drafts.add(draft(e, "timer.fired", e.getActivityInstanceId(), time, businessKey, copy(data)));
        }
        if (!started && !canceled && MESSAGE_ACTIVITIES.contains(e.getActivityType())) {
            drafts.add(draft(e, "message.correlated", e.getActivityInstanceId(), time, businessKey, copy(data)));
        }
        return drafts;
    }

    private List<EventDraft> taskEvent(HistoricTaskInstanceEventEntity e) {
        // Camunda ends a task with the history event "complete" whether it was completed or deleted (its
        // instance cancelled, a boundary event); only the delete reason tells them apart.
        String type = switch (e.getEventType()) {
            case "create" -> "task.created";
            case "complete" -> TaskEntity.DELETE_REASON_COMPLETED.equals(e.getDeleteReason())
                    ? "task.completed" : "task.deleted";
            case "delete" -> "task.deleted";
            default -> null;
        };
        if (type == null || e.getProcessInstanceId() == null) {
            return List.of();
        }
        Map<String, Object> data = data();
        putTask(data, e.getTaskId(), e.getName(), e.getTaskDefinitionKey());
        data.put("activityInstanceId", e.getActivityInstanceId());
        data.put("assignee", e.getAssignee());
        data.put("owner", e.getOwner());
        data.put("priority", e.getPriority());
        data.put("dueDate", instant(e.getDueDate()));
        if ("task.deleted".equals(type)) {
            data.put("deleteReason", e.getDeleteReason());
        }
        Date time = "create".equals(e.getEventType()) ? e.getStartTime() : e.getEndTime();
        return List.of(draft(e, type, e.getTaskId(), time, EngineContext.businessKey(e.getProcessInstanceId()), data));
    }

    /** Claim, unclaim, reassignment and delegation all change the task's assignee identity link. */
    private List<EventDraft> assignmentEvent(HistoricIdentityLinkLogEventEntity e) {
        if (!"assignee".equals(e.getType())) {
            return List.of();
        }
        TaskEntity task = EngineContext.task(e.getTaskId());
        if (task == null || task.getProcessInstanceId() == null) {
            return List.of();
        }
        boolean added = "add".equals(e.getOperationType());
        Map<String, Object> data = data();
        putTask(data, task.getId(), task.getName(), task.getTaskDefinitionKey());
        data.put(added ? "assignee" : "previousAssignee", e.getUserId());
        data.put("owner", task.getOwner());
        data.put("delegationState", task.getDelegationState() == null ? null : task.getDelegationState().name());
        return List.of(draft(added ? "task.assigned" : "task.unassigned", task.getId(), e.getTime(),
                task.getProcessDefinition() == null ? e.getProcessDefinitionKey() : task.getProcessDefinition().getKey(),
                task.getProcessInstanceId(), e.getRootProcessInstanceId(),
                EngineContext.businessKey(task.getProcessInstanceId()), data));
    }

    private List<EventDraft> incidentEvent(HistoricIncidentEventEntity e) {
        String type = switch (e.getEventType()) {
            case "create" -> "incident.created";
            case "resolve" -> "incident.resolved";
            case "delete" -> "incident.deleted";
            default -> null;
        };
        if (type == null || e.getProcessInstanceId() == null) {
            return List.of();
        }
        Map<String, Object> data = data();
        data.put("incidentId", e.getId());
        data.put("incidentType", e.getIncidentType());
        data.put("incidentMessage", e.getIncidentMessage());
        data.put("activityId", e.getActivityId());
        data.put("failedActivityId", e.getFailedActivityId());
        Date time = "create".equals(e.getEventType()) ? e.getCreateTime() : e.getEndTime();
        return List.of(draft(e, type, e.getId(), time, EngineContext.businessKey(e.getProcessInstanceId()), data));
    }

    private List<EventDraft> decisionEvaluated(HistoricDecisionEvaluationEvent evaluation) {
        HistoricDecisionInstanceEntity root = evaluation.getRootHistoricDecisionInstance();
        if (root == null || root.getProcessInstanceId() == null) {
            return List.of();
        }
        Map<String, Object> data = data();
        data.put("decisionDefinitionKey", root.getDecisionDefinitionKey());
        data.put("decisionDefinitionName", root.getDecisionDefinitionName());
        data.put("decisionInstanceId", root.getId());
        data.put("activityId", root.getActivityId());
        List<Map<String, Object>> outputs = new ArrayList<>();
        if (root.getOutputs() != null) {
            for (var output : root.getOutputs()) {
                HistoricDecisionOutputInstanceEntity o = (HistoricDecisionOutputInstanceEntity) output;
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("ruleId", o.getRuleId());
                item.put("name", o.getVariableName());
                item.put("value", o.getValue());
                outputs.add(item);
            }
        }
        data.put("outcome", outputs);
        return List.of(draft("decision.evaluated", root.getId(), root.getEvaluationTime(),
                root.getProcessDefinitionKey(), root.getProcessInstanceId(), root.getRootProcessInstanceId(),
                EngineContext.businessKey(root.getProcessInstanceId()), data));
    }

    private EventDraft draft(HistoryEvent e, String type, String subject, Date time, String businessKey,
                             Map<String, Object> data) {
        return draft(type, subject, time, e.getProcessDefinitionKey(), e.getProcessInstanceId(),
                e.getRootProcessInstanceId(), businessKey, data);
    }

    /** The record key is the root instance; an instance without a parent is its own root. */
    private EventDraft draft(String type, String subject, Date time, String processDefinitionKey,
                             String processInstanceId, String rootProcessInstanceId, String businessKey,
                             Map<String, Object> data) {
        String root = rootProcessInstanceId != null ? rootProcessInstanceId : processInstanceId;
        return new EventDraft(topic, root, type, subject, instant(time), processDefinitionKey, processInstanceId,
                root, businessKey, actingFor(data), data);
    }

    /**
     * A task event carries the position its assignee acts for (the task's own record, set by position routing);
     * any other event the one recorded for the transaction's actor.
     */
    private static String actingFor(Map<String, Object> data) {
        Object taskId = data.get("taskId");
        TaskEntity task = taskId == null ? null : EngineContext.task((String) taskId);
        Object ofTask = task == null || !addressedToPosition(task) ? null
                : task.getVariableLocal(ActingFor.TASK_VARIABLE);
        return ofTask != null ? ofTask.toString() : ActingFor.current();
    }

    private static boolean addressedToPosition(TaskEntity task) {
        ExecutionEntity execution = task.getExecution();
        ActivityImpl activity = execution == null ? null : execution.getActivity();
        return activity != null && activity.getProperty(ActingFor.POSITION_ACTIVITY_PROPERTY) != null;
    }

    private static void putTask(Map<String, Object> data, String taskId, String name, String definitionKey) {
        data.put("taskId", taskId);
        data.put("taskName", name);
        data.put("taskDefinitionKey", definitionKey);
    }

    private static Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actor", EngineContext.actor());
        return data;
    }

    private static Map<String, Object> copy(Map<String, Object> data) {
        return new LinkedHashMap<>(data);
    }

    private static Instant instant(Date date) {
        return date == null ? EngineClock.now() : date.toInstant();
    }
}
