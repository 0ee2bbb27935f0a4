package org.quorum.events.client;

/**
 * One event read from a Quorum topic: its CloudEvents envelope and its data as a typed record. The set is
 * closed, so {@code if (event instanceof QuorumEvent.TaskCreated created)} covers every known type; a type
 * this version of the kit does not know arrives as {@link UnknownEvent} instead of failing the consumer.
 */
public sealed interface QuorumEvent {

    Envelope envelope();

    default String type() {
        return envelope().type();
    }

    record ProcessStarted(Envelope envelope, ProcessStartedData data) implements QuorumEvent {
    }

    record ProcessCompleted(Envelope envelope, ProcessEndedData data) implements QuorumEvent {
    }

    record ProcessCancelled(Envelope envelope, ProcessEndedData data) implements QuorumEvent {
    }

    record ActivityStarted(Envelope envelope, ActivityStartedData data) implements QuorumEvent {
    }

    record ActivityCompleted(Envelope envelope, ActivityEndedData data) implements QuorumEvent {
    }

    record TimerFired(Envelope envelope, ActivityEndedData data) implements QuorumEvent {
    }

    record MessageCorrelated(Envelope envelope, ActivityEndedData data) implements QuorumEvent {
    }

    record TaskCreated(Envelope envelope, TaskCreatedData data) implements QuorumEvent {
    }

    record TaskAssigned(Envelope envelope, TaskAssignedData data) implements QuorumEvent {
    }

    record TaskUnassigned(Envelope envelope, TaskUnassignedData data) implements QuorumEvent {
    }

    record TaskCompleted(Envelope envelope, TaskData data) implements QuorumEvent {
    }

    record TaskDeleted(Envelope envelope, TaskDeletedData data) implements QuorumEvent {
    }

    record IncidentCreated(Envelope envelope, IncidentData data) implements QuorumEvent {
    }

    record IncidentResolved(Envelope envelope, IncidentData data) implements QuorumEvent {
    }

    record IncidentDeleted(Envelope envelope, IncidentData data) implements QuorumEvent {
    }

    record DecisionEvaluated(Envelope envelope, DecisionEvaluatedData data) implements QuorumEvent {
    }

    /** A business decision declared in a model, {@code quorum.<decision>.v1} on the decision topic. */
    record DecisionMade(Envelope envelope, DecisionData data) implements QuorumEvent {
    }

    /** The current state of one instance, from the compacted state topic. */
    record ProcessStateChanged(Envelope envelope, ProcessState data) implements QuorumEvent {
    }

    /** A type this version of the kit does not know (e.g. a later {@code .v2}); data left as it came. */
    record UnknownEvent(Envelope envelope, byte[] data) implements QuorumEvent {
    }
}
