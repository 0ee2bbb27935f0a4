package org.quorum.audit.internal;

import static org.quorum.audit.internal.TimelineText.details;
import static org.quorum.audit.internal.TimelineText.name;
import static org.quorum.audit.internal.TimelineText.readable;
import static org.quorum.audit.internal.TimelineText.reason;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.IdentityLinkType;
import org.quorum.history.Transition;
import org.quorum.history.Transition.Activity;
import org.quorum.history.Transition.ActivityEnded;
import org.quorum.history.Transition.ActivityStarted;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.IncidentCreated;
import org.quorum.history.Transition.IncidentEnded;
import org.quorum.history.Transition.ProcessEnded;
import org.quorum.history.Transition.ProcessStarted;
import org.quorum.history.Transition.Task;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;

/**
 * Renders one instance's history transitions as timeline entries, in sentences a process owner can read. Activities
 * are rendered first: incidents and the instance's end name the activity they happened at.
 */
final class TransitionEntries {

    private final TimelineEntries entries;
    private final Map<String, String> activityNames = new HashMap<>();

    TransitionEntries(TimelineEntries entries) {
        this.entries = entries;
    }

    /** The instance's start or end, or an incident's. */
    void instanceOrIncident(Transition transition) {
        if (transition instanceof ProcessStarted started) {
            process(started);
        } else if (transition instanceof ProcessEnded ended) {
            process(ended);
        } else if (transition instanceof IncidentCreated created) {
            incident(created);
        } else if (transition instanceof IncidentEnded ended) {
            incident(ended);
        }
    }

    private void process(ProcessStarted started) {
        String user = started.process().startUserId();
        entries.add(started.at(), TimelineEntries.PROCESS_STARTED, "process.started",
                user == null ? "Request started" : "Request started by " + user,
                started.process().startActivityId(), user, null,
                details("processDefinitionId", started.instance().processDefinitionId(),
                        "businessKey", started.process().businessKey()));
    }

    private void process(ProcessEnded ended) {
        String endActivityId = ended.process().endActivityId();
        entries.add(ended.at(), TimelineEntries.PROCESS_ENDED,
                ended.completed() ? "process.completed" : "process.cancelled",
                ended.completed()
                        ? "Request completed at '" + activityNames.getOrDefault(endActivityId,
                                String.valueOf(endActivityId)) + "'"
                        : "Request cancelled" + reason(ended.process().deleteReason()),
                endActivityId, null, null,
                details("state", ended.process().state(), "deleteReason", ended.process().deleteReason()));
    }

    /** An activity instance's start, and its end if it ended; one entry for an activity passed in no time. */
    void activity(List<Transition> transitions) {
        ActivityStarted started = null;
        ActivityEnded ended = null;
        for (Transition transition : transitions) {
            if (transition instanceof ActivityStarted s) {
                started = s;
            } else if (transition instanceof ActivityEnded e) {
                ended = e;
            }
        }
        Activity activity = started.activity();
        activityNames.put(activity.activityId(), name(activity.name(), activity.activityId()));
        if ("userTask".equals(activity.type())) {
            return; // the task's own entries say more (who, when claimed, acting for whom)
        }
        String name = "'" + name(activity.name(), activity.activityId()) + "' (" + readable(activity.type()) + ")";
        Map<String, Object> details = details("activityInstanceId", activity.id(), "activityType", activity.type(),
                "calledProcessInstanceId", activity.calledProcessInstanceId());
        if (ended != null && ended.at().equals(activity.startedAt()) && !ended.cancelled()) {
            entries.add(ended.at(), TimelineEntries.ACTIVITY_ENDED, "activity.passed", "Passed " + name,
                    activity.activityId(), null, null, details);
            return;
        }
        entries.add(started.at(), TimelineEntries.ACTIVITY_STARTED, "activity.started", "Began " + name,
                activity.activityId(), null, null, details);
        if (ended != null) {
            entries.add(ended.at(), TimelineEntries.ACTIVITY_ENDED,
                    ended.cancelled() ? "activity.cancelled" : "activity.completed",
                    (ended.cancelled() ? "Cancelled " : "Finished ") + name, activity.activityId(), null, null,
                    details);
        }
    }

    void task(TaskCreated created) {
        Task task = created.task();
        entries.add(created.at(), TimelineEntries.TASK_CREATED, "task.created", "Task " + quoted(task) + " created",
                task.definitionKey(), null, null, details("taskId", task.id()));
    }

    /** {@code actor} completed the task (acting for {@code actingFor}) if it was completed. */
    void task(TaskEnded ended, String actor, String actingFor) {
        Task task = ended.task();
        String by = actor == null ? "" : " by " + actor + (actingFor == null ? "" : " acting for " + actingFor);
        entries.add(ended.at(), TimelineEntries.TASK_ENDED, ended.completed() ? "task.completed" : "task.deleted",
                ended.completed() ? "Task " + quoted(task) + " completed" + by
                        : "Task " + quoted(task) + " withdrawn" + reason(task.deleteReason()),
                task.definitionKey(), ended.completed() ? actor : null, actingFor,
                details("taskId", task.id(), "assignee", task.assignee(), "outcome", task.deleteReason()));
    }

    void link(Task task, IdentityLinkChanged link) {
        String name = quoted(task);
        boolean added = link.added();
        String who = link.userId() != null ? link.userId() : "group " + link.groupId();
        String summary = switch (String.valueOf(link.type())) {
            case IdentityLinkType.ASSIGNEE -> !added ? who + " no longer assigned to task " + name
                    : who.equals(link.assignerId()) ? "Task " + name + " claimed by " + who
                    : "Task " + name + " assigned to " + who
                            + (link.assignerId() == null ? "" : " by " + link.assignerId());
            case IdentityLinkType.CANDIDATE -> added ? "Task " + name + " offered to " + who
                    : "Task " + name + " no longer offered to " + who;
            case IdentityLinkType.OWNER -> added ? who + " became owner of task " + name
                    : who + " no longer owner of task " + name;
            default -> "Task " + name + ": " + link.type() + " " + link.operationType() + " " + who;
        };
        entries.add(link.at(), TimelineEntries.ASSIGNMENT, "task." + link.type() + (added ? ".added" : ".removed"),
                summary, task.definitionKey(), link.assignerId(), null,
                details("taskId", task.id(), "userId", link.userId(), "groupId", link.groupId()));
    }

    private void incident(IncidentCreated created) {
        entries.add(created.at(), TimelineEntries.INCIDENT, "incident.created",
                "Problem at " + where(created.incident()) + ": " + created.incident().message(),
                created.incident().activityId(), null, null, incidentDetails(created.incident()));
    }

    private void incident(IncidentEnded ended) {
        entries.add(ended.at(), TimelineEntries.INCIDENT, ended.resolved() ? "incident.resolved" : "incident.deleted",
                "Problem at " + where(ended.incident()) + (ended.resolved() ? " resolved" : " closed"),
                ended.incident().activityId(), null, null, incidentDetails(ended.incident()));
    }

    private String where(Transition.Incident incident) {
        return "'" + activityNames.getOrDefault(incident.activityId(), incident.activityId()) + "'";
    }

    private static Map<String, Object> incidentDetails(Transition.Incident incident) {
        return details("incidentId", incident.id(), "type", incident.type(),
                "message", incident.message());
    }

    static String quoted(Task task) {
        return "'" + name(task.name(), task.definitionKey()) + "'";
    }
}
