package org.quorum.commission;

import static org.quorum.commission.CommissionVariables.*;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.stereotype.Component;

/** Records when the Council decided and whether its decision lets the item go ahead. */
@Component("recordCouncilDecision")
class RecordCouncilDecision implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        CouncilDecision decision = CouncilDecision.of((String) execution.getVariable(COUNCIL_DECISION));
        execution.setVariable(COUNCIL_DECISION_FAVOURABLE, decision.favourable());
        execution.setVariable(COUNCIL_DECIDED_AT, EngineClock.today());
    }
}
