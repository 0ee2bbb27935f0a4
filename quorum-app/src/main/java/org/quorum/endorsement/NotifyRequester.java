package org.quorum.endorsement;

import static org.quorum.endorsement.EndorsementVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Records the notice to the requesting administration of the outcome the model decided. Delivery is not
 * Quorum's: downstream systems read the notice from the process variables or from the decision events.
 */
@Component("notifyRequester")
class NotifyRequester implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object decided = execution.getVariable(OUTCOME);
        if (decided == null) {
            // Instances started on a model version that did not set the outcome yet: an incident, not a guess.
            throw new IllegalStateException("Instance " + execution.getProcessInstanceId() + " reached '"
                    + execution.getCurrentActivityName() + "' without an outcome: its model (definition "
                    + execution.getProcessDefinitionId() + ") sets none on the path it took");
        }
        EndorsementOutcome outcome = EndorsementOutcome.valueOf((String) decided);
        execution.setVariable(REQUESTER_NOTIFICATION, outcome.noticeTo(
                (String) execution.getVariable(REQUESTING_ADMINISTRATION),
                (String) execution.getVariable(FACILITY_TYPE)));
        execution.setVariable(REQUESTER_NOTIFIED_AT, EngineClock.today());
    }
}
