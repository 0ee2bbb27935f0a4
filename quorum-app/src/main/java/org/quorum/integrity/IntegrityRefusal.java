package org.quorum.integrity;

import org.camunda.bpm.engine.AuthorizationException;
import org.quorum.infrastructure.web.CallerFacing;

/**
 * The engine refused a command because it would take a decision outside its process (see docs/security.md). An
 * {@link AuthorizationException}, so that every API answers 403; its message says which rule and is meant for
 * the caller.
 */
public class IntegrityRefusal extends AuthorizationException implements CallerFacing {

    public IntegrityRefusal(String message) {
        super(message);
    }
}
