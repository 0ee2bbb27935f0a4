package org.quorum.events.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quorum.events.EventsProperties;
import org.quorum.history.RunningCommand;
import org.quorum.history.Transition.Instance;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.positions.ActingFor;
import org.springframework.stereotype.Component;

/** The parts every lifecycle event shares: its topic and key, who acted, and for which position. */
@Component
class EventDrafts {

    private final String topic;

    EventDrafts(EventsProperties properties) {
        this.topic = properties.topics().process();
    }

    /** The event's data, starting with the user the engine command runs for. */
    static Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actor", RunningCommand.actor());
        return data;
    }

    /** The engine's time when the history had none. */
    static Instant orNow(Instant at) {
        return at == null ? EngineClock.now() : at;
    }

    /** A draft of the instance's running engine state: its business key is looked up now. */
    EventDraft draft(Instance instance, String type, String subject, Instant at, Map<String, Object> data) {
        return draft(instance, type, subject, at, RunningCommand.businessKey(instance.processInstanceId()), data);
    }

    /** The record key is the root instance. */
    EventDraft draft(Instance instance, String type, String subject, Instant at, String businessKey,
                     Map<String, Object> data) {
        String root = instance.rootOrSelf();
        return new EventDraft(topic, root, type, subject, orNow(at), instance.processDefinitionKey(),
                instance.processInstanceId(), root, businessKey, actingFor(data), data);
    }

    /**
     * An event about a task carries the position its assignee acts for (the task's own record, set by position
     * routing); any other event the one recorded for the transaction's actor.
     */
    private static String actingFor(Map<String, Object> data) {
        Object taskId = data.get("taskId");
        Object ofTask = taskId == null ? null : RunningCommand.taskVariable((String) taskId, ActingFor.TASK_VARIABLE,
                ActingFor.POSITION_ACTIVITY_PROPERTY);
        return ofTask != null ? ofTask.toString() : ActingFor.current();
    }
}
