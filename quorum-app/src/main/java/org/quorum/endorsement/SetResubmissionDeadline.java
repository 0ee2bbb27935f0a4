package org.quorum.endorsement;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.stereotype.Component;

/** Sets the date by which the requester must supply the missing items (the boundary timer's date). */
@Component("setResubmissionDeadline")
class SetResubmissionDeadline implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Date deadline = Date.from(ResubmissionDeadline.after(EngineClock.now()));
        execution.setVariable(EndorsementVariables.RESUBMISSION_DEADLINE, deadline);
    }
}
