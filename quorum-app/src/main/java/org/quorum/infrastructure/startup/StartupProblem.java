package org.quorum.infrastructure.startup;

/**
 * A misconfiguration found at startup that the operator can fix. Spring Boot's failure analysis prints it as
 * what went wrong and what to do, instead of a stack trace.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    public StartupProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
