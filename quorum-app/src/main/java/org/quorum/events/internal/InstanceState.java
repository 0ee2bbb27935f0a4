package org.quorum.events.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.task.IdentityLinkType;
import org.quorum.events.internal.ProcessState.ActiveActivity;
import org.quorum.events.internal.ProcessState.LastDecision;
import org.quorum.events.internal.ProcessState.OpenTask;
import org.quorum.history.Transition;
import org.quorum.history.Transition.ActivityEnded;
import org.quorum.history.Transition.ActivityStarted;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.Instance;
import org.quorum.history.Transition.Process;
import org.quorum.history.Transition.ProcessEnded;
import org.quorum.history.Transition.ProcessStarted;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;
import org.quorum.history.Transition.VariableUpdated;
import org.quorum.positions.ActingFor;
import org.quorum.positions.Positions;

/**
 * One instance's state while a transaction changes it: the state it had at the last commit, with the transaction's
 * transitions applied in the order they happened. History the state does not show (incidents, the operation log,
 * other variables) leaves it as it was.
 */
final class InstanceState {

    private final String processInstanceId;
    private String rootProcessInstanceId;
    private String superProcessInstanceId;
    private String processDefinitionKey;
    private String processDefinitionId;
    private Integer processDefinitionVersion;
    private String businessKey;
    private String state = ProcessState.ACTIVE;
    private Instant startedAt;
    private Instant endedAt;
    private final Map<String, ActiveActivity> activities = new LinkedHashMap<>();
    private final Map<String, TaskState> tasks = new LinkedHashMap<>();
    /** Tasks that ended in this transaction: identity links and variables removed with them change nothing. */
    private final Set<String> endedTasks = new HashSet<>();
    private LastDecision lastDecision;
    private Long sequence;
    private Instant time;
    private String actor;

    private InstanceState(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** An instance the projection has not seen before. */
    static InstanceState start(String processInstanceId) {
        return new InstanceState(processInstanceId);
    }

    /** The state committed last. */
    static InstanceState of(ProcessState committed) {
        InstanceState s = new InstanceState(committed.processInstanceId());
        s.rootProcessInstanceId = committed.rootProcessInstanceId();
        s.superProcessInstanceId = committed.superProcessInstanceId();
        s.processDefinitionKey = committed.processDefinitionKey();
        s.processDefinitionId = committed.processDefinitionId();
        s.processDefinitionVersion = committed.processDefinitionVersion();
        s.businessKey = committed.businessKey();
        s.state = committed.state();
        s.startedAt = committed.startedAt();
        s.endedAt = committed.endedAt();
        committed.activities().forEach(a -> s.activities.put(a.activityInstanceId(), a));
        committed.tasks().forEach(t -> s.tasks.put(t.taskId(), new TaskState(t)));
        s.lastDecision = committed.lastDecision();
        s.sequence = committed.sequence();
        s.time = committed.time();
        s.actor = committed.actor();
        return s;
    }

    /** Whether a transition changes what the state shows; the others need not be collected. */
    static boolean shows(Transition transition) {
        if (transition instanceof IdentityLinkChanged link) {
            return link.taskId() != null && (link.ofAssignee() || candidateGroup(link));
        }
        if (transition instanceof VariableUpdated variable) {
            return variable.taskId() != null && (Positions.TASK_VARIABLE.equals(variable.name())
                    || ActingFor.TASK_VARIABLE.equals(variable.name()));
        }
        return transition instanceof ProcessStarted || transition instanceof ProcessEnded
                || transition instanceof ActivityStarted || transition instanceof ActivityEnded
                || transition instanceof TaskCreated || transition instanceof TaskEnded;
    }

    void apply(Transition transition, String actor) {
        instance(transition.instance());
        this.actor = actor;
        if (transition instanceof ProcessStarted started) {
            process(started.process());
            startedAt = started.at();
            at(started.at());
        } else if (transition instanceof ProcessEnded ended) {
            process(ended.process());
            state = ended.completed() ? ProcessState.COMPLETED : ProcessState.CANCELLED;
            endedAt = ended.at();
            endedTasks.addAll(tasks.keySet());
            activities.clear();
            tasks.clear();
            at(ended.at());
        } else if (transition instanceof ActivityStarted started) {
            Transition.Activity a = started.activity();
            activities.put(a.id(), new ActiveActivity(a.id(), a.activityId(), a.name(), a.type()));
            at(started.at());
        } else if (transition instanceof ActivityEnded ended) {
            activities.remove(ended.activity().id());
            at(ended.at());
        } else if (transition instanceof TaskCreated created) {
            task(created.task().id()).created(created.task(), created.at());
            at(created.at());
        } else if (transition instanceof TaskEnded ended) {
            tasks.remove(ended.task().id());
            endedTasks.add(ended.task().id());
            at(ended.at());
        } else if (transition instanceof IdentityLinkChanged link) {
            link(link);
        } else if (transition instanceof VariableUpdated variable) {
            variable(variable);
        }
    }

    void decided(String type, Instant at, String actor) {
        lastDecision = new LastDecision(type, at);
        this.actor = actor;
        at(at);
    }

    /** The state as published, reflecting the lifecycle event {@code lifecycleSequence} when there was one. */
    ProcessState snapshot(Long lifecycleSequence) {
        if (lifecycleSequence != null) {
            sequence = lifecycleSequence;
        }
        return new ProcessState(processInstanceId, rootProcessInstanceId, superProcessInstanceId,
                processDefinitionKey, processDefinitionId, processDefinitionVersion, businessKey, state, startedAt,
                endedAt, List.copyOf(activities.values()), tasks.values().stream().map(TaskState::open).toList(),
                lastDecision, sequence, time, actor);
    }

    private void instance(Instance instance) {
        if (instance.rootProcessInstanceId() != null) {
            rootProcessInstanceId = instance.rootProcessInstanceId();
        } else if (rootProcessInstanceId == null) {
            rootProcessInstanceId = instance.rootOrSelf();
        }
        if (instance.processDefinitionKey() != null) {
            processDefinitionKey = instance.processDefinitionKey();
        }
        if (instance.processDefinitionId() != null) {
            processDefinitionId = instance.processDefinitionId();
        }
    }

    private void process(Process process) {
        superProcessInstanceId = process.superProcessInstanceId();
        if (process.definitionVersion() != null) {
            processDefinitionVersion = process.definitionVersion();
        }
        if (process.businessKey() != null) {
            businessKey = process.businessKey();
        }
    }

    private static boolean candidateGroup(IdentityLinkChanged link) {
        return IdentityLinkType.CANDIDATE.equals(link.type()) && link.groupId() != null;
    }

    private void link(IdentityLinkChanged link) {
        if (endedTasks.contains(link.taskId())) {
            return;
        }
        TaskState task = task(link.taskId());
        if (link.ofAssignee()) {
            task.assigned(link.added(), link.userId());
        } else {
            task.candidateGroup(link.added(), link.groupId());
        }
        at(link.at());
    }

    private void variable(VariableUpdated variable) {
        if (endedTasks.contains(variable.taskId())) {
            return;
        }
        String value = variable.deleted() ? null : variable.textValue();
        if (Positions.TASK_VARIABLE.equals(variable.name())) {
            task(variable.taskId()).position = value;
        } else if (ActingFor.TASK_VARIABLE.equals(variable.name())) {
            task(variable.taskId()).actingFor = value;
        }
    }

    /** A task seen first by an identity link or variable is filled in by its creation, in the same transaction. */
    private TaskState task(String taskId) {
        return tasks.computeIfAbsent(taskId, TaskState::new);
    }

    private void at(Instant at) {
        if (at != null && (time == null || !at.isBefore(time))) {
            time = at;
        }
    }

    private static final class TaskState {

        private final String taskId;
        private String name;
        private String definitionKey;
        private String assignee;
        private final Set<String> candidateGroups = new LinkedHashSet<>();
        private String position;
        private String actingFor;
        private Instant dueDate;
        private Instant createdAt;

        TaskState(String taskId) {
            this.taskId = taskId;
        }

        TaskState(OpenTask open) {
            this(open.taskId());
            name = open.taskName();
            definitionKey = open.taskDefinitionKey();
            assignee = open.assignee();
            candidateGroups.addAll(open.candidateGroups());
            position = open.position();
            actingFor = open.actingFor();
            dueDate = open.dueDate();
            createdAt = open.createdAt();
        }

        void created(Transition.Task task, Instant at) {
            name = task.name();
            definitionKey = task.definitionKey();
            if (task.assignee() != null) {
                assignee = task.assignee();
            }
            dueDate = task.dueDate();
            createdAt = at;
        }

        void assigned(boolean added, String userId) {
            if (added) {
                assignee = userId;
            } else if (userId == null || userId.equals(assignee)) {
                assignee = null;
            }
        }

        void candidateGroup(boolean added, String groupId) {
            if (added) {
                candidateGroups.add(groupId);
            } else {
                candidateGroups.remove(groupId);
            }
        }

        OpenTask open() {
            return new OpenTask(taskId, name, definitionKey, assignee, new ArrayList<>(candidateGroups), position,
                    actingFor, dueDate, createdAt);
        }
    }
}
