package org.quorum.integrity;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion or a process start whose variables do not fit the Camunda Form of the task or start event:
 * the engine refused it before changing anything. Carries every offending variable, so that a caller can show
 * them all at once.
 */
public class FormSubmissionRejected extends BadUserRequestException {

    private final String form;
    private final List<FormViolation> violations;

    public FormSubmissionRejected(String form, List<FormViolation> violations) {
        super(describe(form, violations));
        this.form = form;
        this.violations = List.copyOf(violations);
    }

    /** The form's id (e.g. {@code check-request}), or {@code null} when the task or start event has no form. */
    public String form() {
        return form;
    }

    public List<FormViolation> violations() {
        return violations;
    }

    private static String describe(String form, List<FormViolation> violations) {
        String subject = form == null ? "This step has no form, so it takes no variables"
                : "The submission does not fit the form '" + form + "'";
        return subject + ": " + violations.stream().map(v -> v.variable() + " " + v.message())
                .collect(Collectors.joining("; "));
    }
}
