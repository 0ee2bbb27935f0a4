package org.quorum.positions;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the position rules as RFC 9457 problem details that name the rule. */
@RestControllerAdvice(assignableTypes = PositionsController.class)
class PositionProblems {

    @ExceptionHandler(PositionRuleViolation.class)
    ProblemDetail refused(PositionRuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case BAD_INPUT -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.getMessage());
        problem.setType(URI.create("urn:quorum:problem:" + violation.rule()));
        problem.setProperty("rule", violation.rule());
        return problem;
    }
}
