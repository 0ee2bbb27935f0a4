package org.quorum.events.internal;

import static org.quorum.events.internal.EventDrafts.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quorum.history.RunningCommand;
import org.quorum.history.Transition.Activity;
import org.quorum.history.Transition.ActivityEnded;
import org.quorum.history.Transition.ActivityStarted;
import org.quorum.history.Transition.Decision;
import org.quorum.history.Transition.DecisionEvaluated;
import org.quorum.history.Transition.Incident;
import org.quorum.history.Transition.IncidentCreated;
import org.quorum.history.Transition.IncidentEnded;
import org.quorum.history.Transition.Instance;
import org.quorum.history.Transition.Process;
import org.quorum.history.Transition.ProcessEnded;
import org.quorum.history.Transition.ProcessStarted;
import org.springframework.stereotype.Component;

/** The events of an instance, its activities, incidents and decisions. */
@Component
class InstanceEvents {

    private static final Set<String> TIMER_ACTIVITIES = Set.of("startTimerEvent", "intermediateTimer", "boundaryTimer");
    private static final Set<String> MESSAGE_ACTIVITIES = Set.of(
            "messageStartEvent", "intermediateMessageCatch", "boundaryMessage", "receiveTask");

    private final EventDrafts drafts;

    InstanceEvents(EventDrafts drafts) {
        this.drafts = drafts;
    }

    EventDraft started(ProcessStarted started) {
        return drafts.draft(started.instance(), "process.started", started.instance().processInstanceId(),
                started.at(), started.process().businessKey(), process(started.instance(), started.process()));
    }

    EventDraft ended(ProcessEnded ended) {
        Map<String, Object> data = process(ended.instance(), ended.process());
        data.put("endActivityId", ended.process().endActivityId());
        data.put("deleteReason", ended.process().deleteReason());
        return drafts.draft(ended.instance(), ended.completed() ? "process.completed" : "process.cancelled",
                ended.instance().processInstanceId(), ended.at(), ended.process().businessKey(), data);
    }

    EventDraft started(ActivityStarted started) {
        return drafts.draft(started.instance(), "activity.started", started.activity().id(), started.at(),
                activity(started.activity()));
    }

    /** A timer's or a message's activity that completed also says that the timer fired, or the message arrived. */
    List<EventDraft> ended(ActivityEnded ended) {
        Map<String, Object> data = activity(ended.activity());
        data.put("canceled", ended.cancelled());
        Instance instance = ended.instance();
        String subject = ended.activity().id();
        String businessKey = RunningCommand.businessKey(instance.processInstanceId());
        List<EventDraft> events = new ArrayList<>(2);
        events.add(drafts.draft(instance, "activity.completed", subject, ended.at(), businessKey, data));
        String type = ended.activity().type();
        if (!ended.cancelled() && TIMER_ACTIVITIES.contains(type)) {
            events.add(drafts.draft(instance, "timer.fired", subject, ended.at(), businessKey, copy(data)));
        }
        if (!ended.cancelled() && MESSAGE_ACTIVITIES.contains(type)) {
            events.add(drafts.draft(instance, "message.correlated", subject, ended.at(), businessKey, copy(data)));
        }
        return events;
    }

    EventDraft created(IncidentCreated created) {
        return drafts.draft(created.instance(), "incident.created", created.incident().id(), created.at(),
                incident(created.incident()));
    }

    EventDraft ended(IncidentEnded ended) {
        return drafts.draft(ended.instance(), ended.resolved() ? "incident.resolved" : "incident.deleted",
                ended.incident().id(), ended.at(), incident(ended.incident()));
    }

    EventDraft evaluated(DecisionEvaluated evaluated) {
        Decision decision = evaluated.decision();
        Map<String, Object> data = data();
        data.put("decisionDefinitionKey", decision.definitionKey());
        data.put("decisionDefinitionName", decision.definitionName());
        data.put("decisionInstanceId", decision.id());
        data.put("activityId", decision.activityId());
        List<Map<String, Object>> outcome = new ArrayList<>();
        decision.outputs().forEach(output -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ruleId", output.ruleId());
            item.put("name", output.name());
            item.put("value", output.value());
            outcome.add(item);
        });
        data.put("outcome", outcome);
        return drafts.draft(decision.instance(), "decision.evaluated", decision.id(), decision.at(), data);
    }

    private static Map<String, Object> process(Instance instance, Process process) {
        Map<String, Object> data = data();
        data.put("processDefinitionId", instance.processDefinitionId());
        data.put("processDefinitionVersion", process.definitionVersion());
        data.put("startUserId", process.startUserId());
        data.put("superProcessInstanceId", process.superProcessInstanceId());
        data.put("state", process.state());
        return data;
    }

    private static Map<String, Object> activity(Activity activity) {
        Map<String, Object> data = data();
        data.put("activityId", activity.activityId());
        data.put("activityName", activity.name());
        data.put("activityType", activity.type());
        data.put("activityInstanceId", activity.id());
        data.put("taskId", activity.taskId());
        data.put("calledProcessInstanceId", activity.calledProcessInstanceId());
        return data;
    }

    private static Map<String, Object> incident(Incident incident) {
        Map<String, Object> data = data();
        data.put("incidentId", incident.id());
        data.put("incidentType", incident.type());
        data.put("incidentMessage", incident.message());
        data.put("activityId", incident.activityId());
        data.put("failedActivityId", incident.failedActivityId());
        return data;
    }

    private static Map<String, Object> copy(Map<String, Object> data) {
        return new LinkedHashMap<>(data);
    }
}
