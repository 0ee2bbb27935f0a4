package org.quorum.events.client;

import java.util.Map;
import java.util.function.BiFunction;

/** Which record each Quorum type's data reads into, and which event wraps it: the kit's one table of types. */
final class EventTypes {

    record Type<D>(Class<D> dataClass, BiFunction<Envelope, D, QuorumEvent> event) {

        QuorumEvent create(Envelope envelope, Object data) {
            return event.apply(envelope, dataClass.cast(data));
        }
    }

    static final String PROCESS_STATE = "quorum.process.state.v1";

    static final Map<String, Type<?>> KNOWN = Map.ofEntries(
            Map.entry("quorum.process.started.v1", new Type<>(ProcessStartedData.class, QuorumEvent.ProcessStarted::new)),
            Map.entry("quorum.process.completed.v1", new Type<>(ProcessEndedData.class, QuorumEvent.ProcessCompleted::new)),
            Map.entry("quorum.process.cancelled.v1", new Type<>(ProcessEndedData.class, QuorumEvent.ProcessCancelled::new)),
            Map.entry("quorum.activity.started.v1", new Type<>(ActivityStartedData.class, QuorumEvent.ActivityStarted::new)),
            Map.entry("quorum.activity.completed.v1", new Type<>(ActivityEndedData.class, QuorumEvent.ActivityCompleted::new)),
            Map.entry("quorum.timer.fired.v1", new Type<>(ActivityEndedData.class, QuorumEvent.TimerFired::new)),
            Map.entry("quorum.message.correlated.v1", new Type<>(ActivityEndedData.class, QuorumEvent.MessageCorrelated::new)),
            Map.entry("quorum.task.created.v1", new Type<>(TaskCreatedData.class, QuorumEvent.TaskCreated::new)),
            Map.entry("quorum.task.assigned.v1", new Type<>(TaskAssignedData.class, QuorumEvent.TaskAssigned::new)),
            Map.entry("quorum.task.unassigned.v1", new Type<>(TaskUnassignedData.class, QuorumEvent.TaskUnassigned::new)),
            Map.entry("quorum.task.completed.v1", new Type<>(TaskData.class, QuorumEvent.TaskCompleted::new)),
            Map.entry("quorum.task.deleted.v1", new Type<>(TaskDeletedData.class, QuorumEvent.TaskDeleted::new)),
            Map.entry("quorum.incident.created.v1", new Type<>(IncidentData.class, QuorumEvent.IncidentCreated::new)),
            Map.entry("quorum.incident.resolved.v1", new Type<>(IncidentData.class, QuorumEvent.IncidentResolved::new)),
            Map.entry("quorum.incident.deleted.v1", new Type<>(IncidentData.class, QuorumEvent.IncidentDeleted::new)),
            Map.entry("quorum.decision.evaluated.v1", new Type<>(DecisionEvaluatedData.class, QuorumEvent.DecisionEvaluated::new)),
            Map.entry(PROCESS_STATE, new Type<>(ProcessState.class, QuorumEvent.ProcessStateChanged::new)));

    /** Decisions are open-ended ({@code quorum.<decision>.v1}) and share one data shape. */
    static final Type<DecisionData> DECISION = new Type<>(DecisionData.class, QuorumEvent.DecisionMade::new);

    private EventTypes() {
    }
}
