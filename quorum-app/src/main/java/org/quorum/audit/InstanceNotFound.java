package org.quorum.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404 problem+json for an instance id that is not in the history (never existed, or its history was removed). */
public class InstanceNotFound extends ErrorResponseException {

    public InstanceNotFound(String id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No process instance '" + id + "' is in the history. Check the id in the audit list; the history "
                        + "of instances finished longer ago than their process's history time to live is removed.");
        problem.setTitle("Process instance not found");
        problem.setProperty("processInstanceId", id);
        return problem;
    }
}
