package org.quorum.infrastructure.camunda;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.quorum.infrastructure.startup.StartupProblem;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a {@code queryMaxResultsLimit} below what Camunda's webapps need: Tasklist reads the
 * filter list in pages of 2000, and Camunda's documentation asks for 2000 for the webapps' full features.
 */
@Component
class QueryLimitCheck {

    static final int MINIMUM = 2000;

    QueryLimitCheck(ProcessEngine engine) {
        int limit = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getQueryMaxResultsLimit();
        if (limit < MINIMUM) {
            throw new StartupProblem(
                    "Camunda's queryMaxResultsLimit is " + limit + ", below " + MINIMUM
                            + ": Tasklist reads its filters in pages of 2000 and would fail.",
                    "Set QUORUM_QUERY_MAX_RESULTS_LIMIT to " + MINIMUM + " or more (default " + MINIMUM + ").");
        }
    }
}
