package org.quorum.interim;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Positions;
import org.springframework.stereotype.Component;

/**
 * The elected successor takes office: appointed holder of the post from that date, the interim ends at the same
 * moment, and the post's open tasks move to the successor.
 */
@Component("endInterim")
class EndInterim implements JavaDelegate {

    private final Positions positions;

    EndInterim(Positions positions) {
        this.positions = positions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String post = (String) execution.getVariable(InterimVariables.POST_ID);
        String successor = (String) execution.getVariable(InterimVariables.SUCCESSOR_USER_ID);
        Instant takesOffice = InterimDates.instant(execution.getVariable(InterimVariables.SUCCESSOR_TAKES_OFFICE_DATE),
                InterimVariables.SUCCESSOR_TAKES_OFFICE_DATE);
        positions.appoint(post, HoldingKind.SUBSTANTIVE, successor, takesOffice, null, InterimVariables.PROCESS_ID);
        positions.endInterim(post, takesOffice);
        execution.setVariable(InterimVariables.INTERIM_ENDED_AT, EngineClock.today());
    }
}
