package org.quorum.infrastructure.startup;

import org.postgresql.util.PSQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Turns "cannot reach or log into PostgreSQL" into one message naming the settings to check. */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<PSQLException> {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PSQLException cause) {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        String where = url == null ? "the embedded PostgreSQL" : url;
        return new FailureAnalysis(
                "Quorum could not connect to its database (" + where + "): " + cause.getMessage(),
                "Check SPRING_DATASOURCE_URL (spring.datasource.url), SPRING_DATASOURCE_USERNAME and "
                        + "SPRING_DATASOURCE_PASSWORD, and that PostgreSQL is running and reachable; or unset "
                        + "SPRING_DATASOURCE_URL to run on the embedded PostgreSQL.",
                cause);
    }
}
