package org.quorum.events.internal;

import java.util.List;

import org.quorum.history.Transition;
import org.quorum.history.Transition.ActivityEnded;
import org.quorum.history.Transition.ActivityStarted;
import org.quorum.history.Transition.DecisionEvaluated;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.quorum.history.Transition.IncidentCreated;
import org.quorum.history.Transition.IncidentEnded;
import org.quorum.history.Transition.ProcessEnded;
import org.quorum.history.Transition.ProcessStarted;
import org.quorum.history.Transition.TaskCreated;
import org.quorum.history.Transition.TaskEnded;
import org.springframework.stereotype.Component;

/**
 * Renders the engine's history transitions (history level FULL) as Quorum's lifecycle events. The engine emits
 * them for every process, so no BPMN needs listeners of its own. History that is not a transition a subscriber
 * acts on (variable updates, the operation log, identity links other than the assignee's, anything outside a
 * process instance) gives no event.
 */
@Component
class LifecycleEventMapper {

    private final InstanceEvents instances;
    private final TaskEvents tasks;

    LifecycleEventMapper(InstanceEvents instances, TaskEvents tasks) {
        this.instances = instances;
        this.tasks = tasks;
    }

    List<EventDraft> map(Transition transition) {
        if (transition.instance().processInstanceId() == null) {
            return List.of();
        }
        if (transition instanceof ProcessStarted started) {
            return List.of(instances.started(started));
        }
        if (transition instanceof ProcessEnded ended) {
            return List.of(instances.ended(ended));
        }
        if (transition instanceof ActivityStarted started) {
            return List.of(instances.started(started));
        }
        if (transition instanceof ActivityEnded ended) {
            return instances.ended(ended);
        }
        if (transition instanceof TaskCreated created) {
            return List.of(tasks.created(created));
        }
        if (transition instanceof TaskEnded ended) {
            return List.of(tasks.ended(ended));
        }
        if (transition instanceof IdentityLinkChanged link && link.ofAssignee() && link.runningTask() != null) {
            return List.of(tasks.assignment(link));
        }
        if (transition instanceof IncidentCreated created) {
            return List.of(instances.created(created));
        }
        if (transition instanceof IncidentEnded ended) {
            return List.of(instances.ended(ended));
        }
        if (transition instanceof DecisionEvaluated evaluated) {
            return List.of(instances.evaluated(evaluated));
        }
        return List.of();
    }
}
