package org.quorum.commission;

import static org.quorum.commission.CommissionVariables.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Throws the business error NO_QUORUM when the session could not decide; the item goes to the next session. */
@Component("checkQuorum")
class CheckQuorum implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        int present = number(execution, MEMBERS_PRESENT);
        int total = number(execution, MEMBERS_TOTAL);
        if (!CommissionQuorum.isMet(present, total)) {
            throw new BpmnError(ERROR_NO_QUORUM,
                    present + " of " + total + " members present: no quorum, the item returns at the next session");
        }
    }

    private static int number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("Variable " + name + " must be a number, but is " + value);
        }
        return number.intValue();
    }
}
