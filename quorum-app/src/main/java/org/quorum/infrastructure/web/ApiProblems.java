package org.quorum.infrastructure.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of Quorum's own API as RFC 9457 problem details: every invalid field listed at once under
 * {@code errors}, a field Jackson cannot read named, a start refused by its Camunda Form as 400 with each variable
 * under {@code errors}, and the engine's authorization refusals as 403; none carries an exception's text. What no
 * advice handles is answered by {@link UnexpectedApiErrors}.
 * Feature-specific advices (e.g. position rules) take precedence over this one.
 */
@RestControllerAdvice(basePackages = "org.quorum")
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().stream().sorted(Comparator.comparing(FieldError::getField))
                .forEach(f -> errors.add(Map.of("field", f.getField(), "message",
                        String.valueOf(f.getDefaultMessage()))));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid fields: " + errors.stream().map(m -> m.get("field")).distinct()
                        .collect(Collectors.joining(", ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Unreadable request");
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .collect(Collectors.joining("."));
            // Jackson's own message names Java types and parser internals: the field and the expected form only.
            problem.setDetail("Field '%s' has a value of the wrong form".formatted(field));
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "has a value of the wrong form "
                    + "(dates are ISO-8601, e.g. 2027-05-15T09:00:00Z)")));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail forbidden(AuthorizationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, Refusals.detail(e));
        problem.setTitle("Not allowed");
        return problem;
    }
}
