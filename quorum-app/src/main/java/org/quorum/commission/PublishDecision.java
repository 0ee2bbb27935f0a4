package org.quorum.commission;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Records the publication date of the Council decision. Publication itself is the decision event
 * {@code council.decision-published} on the end event; subscribers (the website, member portals) act on it.
 */
@Component("publishDecision")
class PublishDecision implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(CommissionVariables.DECISION_PUBLISHED_AT, EngineClock.today());
    }
}
