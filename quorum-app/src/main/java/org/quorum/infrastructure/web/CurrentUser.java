package org.quorum.infrastructure.web;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The user Quorum's API filter signed in for this request, and the group checks its endpoints make. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in user's id; a 401 problem when nobody is (the API's filter normally answers first). */
    public static String id(IdentityService identity) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null) {
            throw new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                    ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in first"), null);
        }
        return current.getUserId();
    }

    /** The signed-in user's id if they belong to {@code group}; otherwise a 403 problem saying {@code refusal}. */
    public static String requireGroup(IdentityService identity, String group, String refusal) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null || current.getGroupIds() == null || !current.getGroupIds().contains(group)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, refusal), null);
        }
        return current.getUserId();
    }
}
