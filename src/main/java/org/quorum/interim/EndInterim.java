package org.quorum.interim;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records when the interim ended, that is when the elected successor took office. */
@Component("endInterim")
class EndInterim implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(InterimVariables.INTERIM_ENDED_AT, new Date());
    }
}
