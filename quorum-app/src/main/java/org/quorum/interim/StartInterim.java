package org.quorum.interim;

import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.quorum.positions.Holding;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Incumbent;
import org.quorum.positions.Positions;
import org.springframework.stereotype.Component;

/**
 * The interim takes effect: the outgoing holder's tenure of the vacant post ends on the vacancy date, and the
 * person who holds the designated covering position (the SG by default) becomes interim holder of the post from
 * the effective date. From then on the post's tasks, open ones included, reach the interim holder.
 */
@Component("startInterim")
class StartInterim implements JavaDelegate {

    private final Positions positions;

    StartInterim(Positions positions) {
        this.positions = positions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String post = (String) execution.getVariable(InterimVariables.POST_ID);
        String covering = (String) execution.getVariable(InterimVariables.INTERIM_HOLDER);
        Instant vacant = InterimDates.instant(execution.getVariable(InterimVariables.VACANCY_DATE),
                InterimVariables.VACANCY_DATE);
        Instant effective = InterimDates.instant(execution.getVariable(InterimVariables.INTERIM_EFFECTIVE_DATE),
                InterimVariables.INTERIM_EFFECTIVE_DATE);
        Incumbent holder = positions.incumbent(covering, EngineClock.now()).orElseThrow(() ->
                new IllegalStateException("Nobody holds position %s, designated to cover %s; appoint a holder first"
                        .formatted(covering, post)));
        positions.holdings(post).stream()
                .filter(h -> h.kind() == HoldingKind.SUBSTANTIVE && h.endsAt() == null && h.startsAt().isBefore(vacant))
                .map(Holding::id).findFirst()
                .ifPresent(outgoing -> positions.end(post, outgoing, vacant));
        positions.appoint(post, HoldingKind.INTERIM, holder.userId(), effective, null, InterimVariables.PROCESS_ID);
        execution.setVariable(InterimVariables.INTERIM_HOLDER_USER, holder.userId());
        execution.setVariable(InterimVariables.INTERIM_STARTED_AT, EngineClock.today());
    }
}
