package org.quorum.history;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What a piece of Camunda history means to Quorum: a process, activity, task or incident starting or ending (and
 * how it ended), a task's identity link changing, a decision evaluated, a variable or an operation recorded.
 * {@link HistoryClassifier} decides it once, for history as the engine emits it and as HistoryService reads it back;
 * the outbox, the audit chain and the timeline only render it, each in its own vocabulary. Times are null where the
 * history had none.
 */
public sealed interface Transition {

    /** The instance the history belongs to; its id is null for history outside any instance (a standalone task). */
    Instance instance();

    record Instance(String processDefinitionKey, String processDefinitionId, String processInstanceId,
                    String rootProcessInstanceId) {

        /** The root instance; an instance without a parent is its own root. */
        public String rootOrSelf() {
            return rootProcessInstanceId != null ? rootProcessInstanceId : processInstanceId;
        }
    }

    record Process(String businessKey, Integer definitionVersion, String startUserId, String superProcessInstanceId,
                   String state, String startActivityId, String endActivityId, String deleteReason) {
    }

    record ProcessStarted(Instance instance, Process process, Instant at) implements Transition {
    }

    /** Completed when it reached an end event; otherwise cancelled (deleted, or ended by an external terminate). */
    record ProcessEnded(Instance instance, Process process, Instant at, boolean completed) implements Transition {
    }

    /** {@code id} is the history row's, which is the activity instance's. */
    record Activity(String id, String activityId, String name, String type, String taskId,
                    String calledProcessInstanceId, Instant startedAt) {
    }

    record ActivityStarted(Instance instance, Activity activity, Instant at) implements Transition {
    }

    record ActivityEnded(Instance instance, Activity activity, Instant at, boolean cancelled) implements Transition {
    }

    /** {@code id} is the history row's, which is the task's. */
    record Task(String id, String name, String definitionKey, String activityInstanceId, String assignee,
                String owner, int priority, Instant dueDate, String deleteReason) {
    }

    /** {@code candidateGroups}: the groups the model offers the task to, as the task was created (sorted). */
    record TaskCreated(Instance instance, Task task, Instant at, List<String> candidateGroups) implements Transition {
    }

    /** Completed by a user (or the API); otherwise cancelled: deleted with its instance, by a boundary event, ... */
    record TaskEnded(Instance instance, Task task, Instant at, boolean completed) implements Transition {
    }

    /** The task of an identity link as the running engine holds it now; only known while the engine emits. */
    record RunningTask(String id, String name, String definitionKey, String owner, String delegationState) {
    }

    /**
     * An assignee, candidate or owner link added to or removed from a task; the instance is the task's. Claim,
     * unclaim, reassignment and delegation all change the assignee link. {@code type} is Camunda's link type
     * ({@link IdentityLinkType}), {@code operationType} its {@code add} or {@code delete}.
     */
    record IdentityLinkChanged(Instance instance, String id, String taskId, Instant at, String type,
                               String operationType, boolean added, String userId, String groupId,
                               String assignerId, RunningTask runningTask) implements Transition {

        public boolean ofAssignee() {
            return IdentityLinkType.ASSIGNEE.equals(type);
        }
    }

    record Incident(String id, String type, String message, String activityId, String failedActivityId) {
    }

    record IncidentCreated(Instance instance, Incident incident, Instant at) implements Transition {
    }

    /** Resolved (its job succeeded, or resolved through the API); otherwise deleted with its instance or job. */
    record IncidentEnded(Instance instance, Incident incident, Instant at, boolean resolved) implements Transition {
    }

    record DecisionOutput(String ruleId, String name, Object value) {
    }

    record Decision(Instance instance, String id, String definitionKey, String definitionName, String activityId,
                    Instant at, List<DecisionOutput> outputs) {
    }

    /** A DMN evaluation: its root decision, and the decisions it required (each one a history row of its own). */
    record DecisionEvaluated(Instance instance, Decision decision, List<Decision> required) implements Transition {
    }

    /**
     * A variable's value recorded in the history details (created, updated or deleted); {@code id} is the row's.
     * {@code taskId} is set for a task-local variable; {@code textValue} is the value of a string variable.
     */
    record VariableUpdated(Instance instance, String id, String taskId, String name, String textValue,
                           boolean deleted) implements Transition {
    }

    /** A row of the user operation log: an authenticated user's operation, one row per changed property. */
    record OperationLogged(Instance instance, String id) implements Transition {
    }
}
