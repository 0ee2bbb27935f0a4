package org.quorum.conference;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.quorum.infrastructure.camunda.EngineClock;
import org.springframework.stereotype.Component;

/**
 * Records the publication date of the conference report. Publication itself is the decision event
 * {@code report.published}; subscribers (the website, member portals) act on it.
 */
@Component("publishReport")
class PublishReport implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ConferenceVariables.REPORT_PUBLISHED_AT, EngineClock.today());
    }
}
