package org.quorum.audit;

import org.camunda.bpm.engine.AuthorizationException;
import org.quorum.infrastructure.web.Refusals;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the audit API as RFC 9457 problem details ({@code application/problem+json}), also for the CSV
 * export: Spring's standard handling, limited to this controller so other parts of Quorum keep theirs.
 */
@RestControllerAdvice(assignableTypes = AuditController.class)
class AuditProblems extends ResponseEntityExceptionHandler {

    /** The engine refused a read the user's authorizations do not allow. */
    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<ProblemDetail> forbidden(AuthorizationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, Refusals.detail(e));
        problem.setTitle("Not authorized");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
