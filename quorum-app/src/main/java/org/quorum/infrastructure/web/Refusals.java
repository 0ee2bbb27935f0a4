package org.quorum.infrastructure.web;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;

/** What a 403 tells the caller about the engine's refusal, the same in every API of Quorum's. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The rule, for a refusal written for the caller ({@link CallerFacing}); otherwise the permission and kind of resource the user lacks, not the
     * engine's message: that one lists the ids of the resources checked (instances, tasks, executions), which the
     * caller may not know and need not learn.
     */
    public static String detail(AuthorizationException e) {
        if (e instanceof CallerFacing) {
            return e.getMessage();
        }
        List<String> missing = e.getMissingAuthorizations().stream()
                .map(m -> m.getViolatedPermissionName() + " on " + m.getResourceType()).distinct().toList();
        return missing.isEmpty() ? "Your groups do not allow this"
                : "Your groups do not allow this: it needs " + String.join(" or ", missing);
    }
}
