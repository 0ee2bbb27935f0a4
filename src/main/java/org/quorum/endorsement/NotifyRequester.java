package org.quorum.endorsement;

import static org.quorum.endorsement.EndorsementVariables.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Records the outcome and the notice to the requesting administration. Delivery is not Quorum's: downstream
 * systems read the notice from the process variables or from the decision events.
 */
@Component("notifyRequester")
class NotifyRequester implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        EndorsementOutcome outcome = EndorsementOutcome.of(
                (String) execution.getVariable(CHECK_RESULT),
                (Boolean) execution.getVariable(FACILITY_ELIGIBLE),
                (String) execution.getVariable(DELEGATES_DECISION),
                (Boolean) execution.getVariable(COUNCIL_DECISION_FAVOURABLE));
        execution.setVariable(OUTCOME, outcome.name());
        execution.setVariable(REQUESTER_NOTIFICATION, outcome.noticeTo(
                (String) execution.getVariable(REQUESTING_ADMINISTRATION),
                (String) execution.getVariable(FACILITY_TYPE)));
        execution.setVariable(REQUESTER_NOTIFIED_AT, EngineClock.today());
    }
}
