package org.quorum.interim;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records when the interim holder took over the vacant post's functions. */
@Component("startInterim")
class StartInterim implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(InterimVariables.INTERIM_STARTED_AT, new Date());
    }
}
