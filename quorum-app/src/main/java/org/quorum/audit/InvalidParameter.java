package org.quorum.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request parameter a user got wrong: 400 problem+json naming the parameter and what it should look like. */
public class InvalidParameter extends ErrorResponseException {

    public InvalidParameter(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(parameter, detail), null);
    }

    private static ProblemDetail problem(String parameter, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid parameter '" + parameter + "'");
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
