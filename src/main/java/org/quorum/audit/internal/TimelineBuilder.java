package org.quorum.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.quorum.audit.AuditProperties;
import org.quorum.audit.InstanceNotFound;
import org.quorum.audit.InstanceSummary;
import org.quorum.audit.Timeline;
import org.quorum.audit.TimelineEntry;
import org.quorum.infrastructure.camunda.QueryPages;
import org.springframework.stereotype.Component;

/**
 * One instance's timeline, read from Camunda's history (HistoryService, under the caller's authorizations) and
 * from the event outbox. Every kind of history is read with a bound ({@code quorum.audit.timeline-limit}), so
 * one request's memory stays bounded however long an instance ran.
 */
@Component
public class TimelineBuilder {

    /** The task-local variable in which the positions feature records whom a user acted for. */
    static final String ACTING_FOR = "actingFor";

    // Order of entries that carry the same time: what starts before what it contains, ends after it.
    private static final int PROCESS_STARTED = 0;
    private static final int ACTIVITY_STARTED = 1;
    private static final int TASK_CREATED = 2;
    private static final int ASSIGNMENT = 3;
    private static final int DECISION = 4;
    private static final int VARIABLE = 5;
    private static final int INCIDENT = 5;
    private static final int TASK_ENDED = 6;
    private static final int ACTIVITY_ENDED = 7;
    private static final int PROCESS_ENDED = 8;
    private static final int EVENT = 9;

    private final HistoryService history;
    private final AuditFields auditFields;
    private final PublishedEvents events;
    private final TaskIdentityLinks identityLinks;
    private final int limit;

    TimelineBuilder(HistoryService history, AuditFields auditFields, PublishedEvents events,
                    TaskIdentityLinks identityLinks, AuditProperties properties) {
        this.history = history;
        this.auditFields = auditFields;
        this.events = events;
        this.identityLinks = identityLinks;
        this.limit = properties.timelineLimit();
    }

    public HistoricProcessInstance instance(String id) {
        return find(id).orElseThrow(() -> new InstanceNotFound(id));
    }

    /** The instance's history, if it exists and the caller may read it. */
    public Optional<HistoricProcessInstance> find(String id) {
        return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult());
    }

    public Timeline build(String id) {
        HistoricProcessInstance instance = instance(id);
        Entries entries = new Entries();

        entries.add(instance.getStartTime(), PROCESS_STARTED, "process.started",
                instance.getStartUserId() == null ? "Request started"
                        : "Request started by " + instance.getStartUserId(),
                instance.getStartActivityId(), instance.getStartUserId(), null,
                details("processDefinitionId", instance.getProcessDefinitionId(),
                        "businessKey", instance.getBusinessKey()));

        List<HistoricActivityInstance> activities = entries.bounded(history.createHistoricActivityInstanceQuery()
                .processInstanceId(id).orderPartiallyByOccurrence().asc());
        Map<String, Long> visits = new TreeMap<>();
        Map<String, String> activityNames = new HashMap<>();
        for (HistoricActivityInstance activity : activities) {
            visits.merge(activity.getActivityId(), 1L, Long::sum);
            activityNames.put(activity.getActivityId(), name(activity.getActivityName(), activity.getActivityId()));
            addActivity(entries, activity);
        }

        List<HistoricTaskInstance> tasks = entries.bounded(history.createHistoricTaskInstanceQuery()
                .processInstanceId(id));
        Map<String, String> completedBy = completedBy(entries, id);
        Map<String, String> actingFor = actingFor(entries, id);
        Map<String, List<TaskIdentityLinks.Row>> links = entries.bounded(identityLinks.of(id, limit + 1)).stream()
                .collect(Collectors.groupingBy(TaskIdentityLinks.Row::taskId));
        Map<String, HistoricTaskInstance> taskByActivityInstance = new HashMap<>();
        for (HistoricTaskInstance task : tasks) {
            taskByActivityInstance.put(task.getActivityInstanceId(), task);
            addTask(entries, task, links.getOrDefault(task.getId(), List.of()),
                    completedBy.getOrDefault(task.getId(), task.getAssignee()), actingFor.get(task.getId()));
        }

        addFormData(entries, instance, taskByActivityInstance, completedBy, actingFor);
        for (HistoricDecisionInstance decision : entries.bounded(history.createHistoricDecisionInstanceQuery()
                .processInstanceId(id).includeInputs().includeOutputs().disableCustomObjectDeserialization())) {
            addDecision(entries, decision);
        }
        for (HistoricIncident incident : entries.bounded(history.createHistoricIncidentQuery().processInstanceId(id))) {
            addIncident(entries, incident, activityNames);
        }

        String rootId = instance.getRootProcessInstanceId() == null ? id : instance.getRootProcessInstanceId();
        List<PublishedEvents.Row> published = events.of(id, rootId, limit + 1);
        for (PublishedEvents.Row event : entries.bounded(published)) {
            entries.add(event.occurredAt(), EVENT, event.kind(), event.summary(), null, null, null, event.details());
        }

        if (instance.getEndTime() != null) {
            boolean completed = "COMPLETED".equals(instance.getState());
            entries.add(instance.getEndTime(), PROCESS_ENDED, completed ? "process.completed" : "process.cancelled",
                    completed ? "Request completed at '" + activityNames.getOrDefault(instance.getEndActivityId(),
                            String.valueOf(instance.getEndActivityId())) + "'"
                            : "Request cancelled" + reason(instance.getDeleteReason()),
                    instance.getEndActivityId(), null, null,
                    details("state", instance.getState(), "deleteReason", instance.getDeleteReason()));
        }
        return new Timeline(summary(instance), entries.sorted(), visits, entries.truncated);
    }

    public static InstanceSummary summary(HistoricProcessInstance instance) {
        return new InstanceSummary(instance.getId(), instance.getProcessDefinitionKey(),
                instance.getProcessDefinitionName(), instance.getProcessDefinitionVersion(), instance.getBusinessKey(),
                InstanceSearch.state(instance.getState()), instant(instance.getStartTime()),
                instant(instance.getEndTime()), instance.getStartUserId());
    }

    private static void addActivity(Entries entries, HistoricActivityInstance activity) {
        if ("userTask".equals(activity.getActivityType())) {
            return; // the task's own entries say more (who, when claimed, acting for whom)
        }
        String name = "'" + name(activity.getActivityName(), activity.getActivityId()) + "' ("
                + readable(activity.getActivityType()) + ")";
        Map<String, Object> details = details("activityInstanceId", activity.getId(),
                "activityType", activity.getActivityType(),
                "calledProcessInstanceId", activity.getCalledProcessInstanceId());
        Date end = activity.getEndTime();
        if (end != null && end.equals(activity.getStartTime()) && !activity.isCanceled()) {
            entries.add(end, ACTIVITY_ENDED, "activity.passed", "Passed " + name, activity.getActivityId(), null,
                    null, details);
            return;
        }
        entries.add(activity.getStartTime(), ACTIVITY_STARTED, "activity.started", "Began " + name,
                activity.getActivityId(), null, null, details);
        if (end != null) {
            entries.add(end, ACTIVITY_ENDED, activity.isCanceled() ? "activity.cancelled" : "activity.completed",
                    (activity.isCanceled() ? "Cancelled " : "Finished ") + name, activity.getActivityId(), null,
                    null, details);
        }
    }

    private static void addTask(Entries entries, HistoricTaskInstance task, List<TaskIdentityLinks.Row> links,
                                String actor, String actingFor) {
        String name = "'" + name(task.getName(), task.getTaskDefinitionKey()) + "'";
        entries.add(task.getStartTime(), TASK_CREATED, "task.created", "Task " + name + " created",
                task.getTaskDefinitionKey(), null, null, details("taskId", task.getId()));
        for (TaskIdentityLinks.Row link : links) {
            addIdentityLink(entries, task, name, link);
        }
        if (task.getEndTime() == null) {
            return;
        }
        boolean completed = "completed".equals(task.getDeleteReason());
        String by = actor == null ? "" : " by " + actor + (actingFor == null ? "" : " acting for " + actingFor);
        entries.add(task.getEndTime(), TASK_ENDED, completed ? "task.completed" : "task.deleted",
                completed ? "Task " + name + " completed" + by
                        : "Task " + name + " withdrawn" + reason(task.getDeleteReason()),
                task.getTaskDefinitionKey(), completed ? actor : null, actingFor,
                details("taskId", task.getId(), "assignee", task.getAssignee(), "outcome", task.getDeleteReason()));
    }

    private static void addIdentityLink(Entries entries, HistoricTaskInstance task, String name,
                                        TaskIdentityLinks.Row link) {
        boolean added = "add".equals(link.operationType());
        String who = link.userId() != null ? link.userId() : "group " + link.groupId();
        String summary = switch (String.valueOf(link.type())) {
            case "assignee" -> !added ? who + " no longer assigned to task " + name
                    : who.equals(link.assignerId()) ? "Task " + name + " claimed by " + who
                    : "Task " + name + " assigned to " + who
                            + (link.assignerId() == null ? "" : " by " + link.assignerId());
            case "candidate" -> added ? "Task " + name + " offered to " + who
                    : "Task " + name + " no longer offered to " + who;
            case "owner" -> added ? who + " became owner of task " + name : who + " no longer owner of task " + name;
            default -> "Task " + name + ": " + link.type() + " " + link.operationType() + " " + who;
        };
        entries.add(link.time(), ASSIGNMENT, "task." + link.type() + (added ? ".added" : ".removed"), summary,
                task.getTaskDefinitionKey(), link.assignerId(), null,
                details("taskId", task.getId(), "userId", link.userId(), "groupId", link.groupId()));
    }

    /** Values of the variables the model marks auditable, each attributed to the task whose completion set it. */
    private void addFormData(Entries entries, HistoricProcessInstance instance,
                             Map<String, HistoricTaskInstance> taskByActivityInstance, Map<String, String> completedBy,
                             Map<String, String> actingFor) {
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
            HistoricTaskInstance task = update.getTaskId() != null ? null
                    : taskByActivityInstance.get(update.getActivityInstanceId());
            String taskId = update.getTaskId() != null ? update.getTaskId() : task == null ? null : task.getId();
            String actor = taskId == null ? null : completedBy.get(taskId);
            String value = display(update.getTypedValue());
            entries.add(update.getTime(), VARIABLE, "form.data",
                    "Recorded " + update.getVariableName() + " = " + value
                            + (task == null ? "" : " in task '" + name(task.getName(), task.getTaskDefinitionKey()) + "'"),
                    task == null ? null : task.getTaskDefinitionKey(), actor,
                    taskId == null ? null : actingFor.get(taskId),
                    details("variable", update.getVariableName(), "value", value, "type", update.getTypeName(),
                            "taskId", taskId));
        }
    }

    private static void addDecision(Entries entries, HistoricDecisionInstance decision) {
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
        entries.add(decision.getEvaluationTime(), DECISION, "decision.evaluated", summary, decision.getActivityId(),
                decision.getUserId(), null, details);
    }

    private static void addIncident(Entries entries, HistoricIncident incident, Map<String, String> activityNames) {
        String where = "'" + activityNames.getOrDefault(incident.getActivityId(), incident.getActivityId()) + "'";
        Map<String, Object> details = details("incidentId", incident.getId(), "type", incident.getIncidentType(),
                "message", incident.getIncidentMessage());
        entries.add(incident.getCreateTime(), INCIDENT, "incident.created",
                "Problem at " + where + ": " + incident.getIncidentMessage(), incident.getActivityId(), null, null,
                details);
        if (incident.getEndTime() != null) {
            entries.add(incident.getEndTime(), INCIDENT, incident.isResolved() ? "incident.resolved" : "incident.deleted",
                    "Problem at " + where + (incident.isResolved() ? " resolved" : " closed"), incident.getActivityId(),
                    null, null, details);
        }
    }

    /** Task id to the user who completed it, from the operation log (the authenticated user at completion). */
    private Map<String, String> completedBy(Entries entries, String id) {
        Map<String, String> users = new HashMap<>();
        for (UserOperationLogEntry entry : entries.bounded(history.createUserOperationLogQuery()
                .processInstanceId(id).entityType(EntityTypes.TASK)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE))) {
            if (entry.getUserId() != null) {
                users.put(entry.getTaskId(), entry.getUserId());
            }
        }
        return users;
    }

    private Map<String, String> actingFor(Entries entries, String id) {
        Map<String, String> positions = new HashMap<>();
        for (HistoricVariableInstance variable : entries.bounded(history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(id).variableName(ACTING_FOR).disableCustomObjectDeserialization())) {
            if (variable.getTaskId() != null) {
                positions.put(variable.getTaskId(), display(variable.getTypedValue()));
            }
        }
        return positions;
    }

    static String display(TypedValue value) {
        if (value == null || (value.getValue() == null && !(value instanceof ObjectValue))) {
            return "(empty)";
        }
        if (value instanceof ObjectValue object && !object.isDeserialized()) {
            return String.valueOf(object.getValueSerialized());
        }
        Object plain = value.getValue();
        return plain instanceof Date date ? date.toInstant().toString() : String.valueOf(plain);
    }

    private static String pairs(List<Map<String, Object>> values) {
        return String.join(", ", values.stream().map(v -> v.get("name") + " = " + v.get("value")).toList());
    }

    private static String name(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    private static String reason(String deleteReason) {
        return deleteReason == null ? "" : " (" + deleteReason + ")";
    }

    /** exclusiveGateway -> exclusive gateway */
    private static String readable(String camelCase) {
        return camelCase == null ? "step" : camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Details without nulls, in the order given. */
    static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }

    /** The entries being collected, with the order ties are broken in, and whether any source was cut. */
    private final class Entries {

        private record Sortable(Instant at, int rank, int sequence, TimelineEntry entry) {
        }

        private final List<Sortable> entries = new ArrayList<>();
        private boolean truncated;

        void add(Date at, int rank, String kind, String summary, String activityId, String actor, String actingFor,
                 Map<String, Object> details) {
            add(instant(at), rank, kind, summary, activityId, actor, actingFor, details);
        }

        void add(Instant at, int rank, String kind, String summary, String activityId, String actor,
                 String actingFor, Map<String, Object> details) {
            entries.add(new Sortable(at, rank, entries.size(),
                    new TimelineEntry(at, kind, summary, activityId, actor, actingFor, details)));
        }

        <T> List<T> bounded(Query<?, T> query) {
            return bounded(QueryPages.first(query, limit + 1));
        }

        <T> List<T> bounded(List<T> rows) {
            if (rows.size() > limit) {
                truncated = true;
                return rows.subList(0, limit);
            }
            return rows;
        }

        List<TimelineEntry> sorted() {
            return entries.stream()
                    .sorted(Comparator.comparing(Sortable::at, Comparator.nullsLast(Comparator.naturalOrder()))
                            .thenComparingInt(Sortable::rank).thenComparingInt(Sortable::sequence))
                    .map(Sortable::entry)
                    .toList();
        }
    }
}
