package org.quorum.integrity.internal;

import java.util.List;
import java.util.Map;

import org.quorum.integrity.FormSubmissionRejected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A start through Quorum's own API whose variables do not fit the start event's Camunda Form (checked inside the
 * engine): a 400 naming each offending variable, the same shape as {@link CamundaRestProblems} gives on
 * {@code /engine-rest}. Ordered before the general advice, which would otherwise answer it first.
 */
@RestControllerAdvice(basePackages = "org.quorum")
@Order(Ordered.HIGHEST_PRECEDENCE)
class FormRejectionProblems {

    static final String TITLE = "Submission does not fit the form";

    @ExceptionHandler(FormSubmissionRejected.class)
    ProblemDetail formRejected(FormSubmissionRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(TITLE);
        problem.setProperty("message", e.getMessage());
        problem.setProperty("errors", errors(e));
        return problem;
    }

    /** Each offending variable, under both names clients read ({@code variable} from Camunda, {@code field}). */
    static List<Map<String, String>> errors(FormSubmissionRejected e) {
        return e.violations().stream().map(v -> Map.of("field", v.variable(), "variable", v.variable(),
                "message", v.message())).toList();
    }
}
