package org.quorum.audit.internal;

import java.util.stream.Stream;

import org.quorum.history.Transition;
import org.quorum.history.Transition.ActivityEnded;
import org.quorum.history.Transition.ActivityStarted;
import org.quorum.history.Transition.DecisionEvaluated;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.IncidentCreated;
import org.quorum.history.Transition.IncidentEnded;
import org.quorum.history.Transition.OperationLogged;
import org.quorum.history.Transition.ProcessEnded;
import org.quorum.history.Transition.ProcessStarted;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;
import org.quorum.history.Transition.VariableUpdated;

/**
 * The audit entries a transition of history makes: each names the history row it covers. Every way a task,
 * an incident or an instance ends is one kind of entry; the row itself says how it ended.
 */
final class ChainEntries {

    private ChainEntries() {
    }

    static Stream<ChainEntry> of(Transition transition) {
        String instance = transition.instance().processInstanceId();
        if (transition instanceof ProcessStarted) {
            return Stream.of(new ChainEntry(instance, EntryKind.PROCESS_STARTED, instance));
        }
        if (transition instanceof ProcessEnded) {
            return Stream.of(new ChainEntry(instance, EntryKind.PROCESS_ENDED, instance));
        }
        if (transition instanceof ActivityStarted started) {
            return Stream.of(new ChainEntry(instance, EntryKind.ACTIVITY_STARTED, started.activity().id()));
        }
        if (transition instanceof ActivityEnded ended) {
            return Stream.of(new ChainEntry(instance, EntryKind.ACTIVITY_ENDED, ended.activity().id()));
        }
        if (transition instanceof TaskCreated created) {
            return Stream.of(new ChainEntry(instance, EntryKind.TASK_CREATED, created.task().id()));
        }
        if (transition instanceof TaskEnded ended) {
            return Stream.of(new ChainEntry(instance, EntryKind.TASK_ENDED, ended.task().id()));
        }
        if (transition instanceof IdentityLinkChanged link) {
            return Stream.of(new ChainEntry(instance, EntryKind.IDENTITY_LINK, link.id()));
        }
        if (transition instanceof VariableUpdated variable) {
            return Stream.of(new ChainEntry(instance, EntryKind.VARIABLE_UPDATED, variable.id()));
        }
        if (transition instanceof DecisionEvaluated evaluated) {
            return Stream.concat(Stream.of(evaluated.decision()), evaluated.required().stream()).map(decision ->
                    new ChainEntry(decision.instance().processInstanceId(), EntryKind.DECISION_EVALUATED,
                            decision.id()));
        }
        if (transition instanceof IncidentCreated created) {
            return Stream.of(new ChainEntry(instance, EntryKind.INCIDENT_CREATED, created.incident().id()));
        }
        if (transition instanceof IncidentEnded ended) {
            return Stream.of(new ChainEntry(instance, EntryKind.INCIDENT_ENDED, ended.incident().id()));
        }
        if (transition instanceof OperationLogged operation) {
            // Written only for an authenticated user's operations (Camunda's default), one row per changed
            // property; rows not about an instance (a deployment, a filter) have no instance and are not chained.
            return Stream.of(new ChainEntry(instance, EntryKind.OPERATION_LOGGED, operation.id()));
        }
        return Stream.empty();
    }
}
