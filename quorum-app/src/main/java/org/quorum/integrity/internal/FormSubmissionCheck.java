package org.quorum.integrity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AbstractGetDeployedFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.form.TaskFormDataImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.quorum.integrity.FormSubmissionRejected;
import org.quorum.integrity.FormViolation;
import org.quorum.integrity.RejectionScope;

/**
 * Checks one submission inside the command's own context, before the command runs: the caller's right to work
 * the task or start the process first (exactly the engine's own check, so that someone without it gets the
 * engine's 403, not a description of the form), then the variables against the form. A refusal throws
 * {@link FormSubmissionRejected} and the command's transaction rolls back with nothing written.
 */
final class FormSubmissionCheck {

    private static final String CAMUNDA_FORMS = "camunda-forms:";

    private FormSubmissionCheck() {
    }

    static void check(Submission submission, CommandContext context) {
        Map<String, Object> submitted = PlainValues.of(submission.variables());
        FormData formData;
        Map<String, Object> current;
        if (submission.completesATask()) {
            TaskEntity task = context.getTaskManager().findTaskById(submission.taskId());
            if (task == null) {
                String message = "No task " + submission.taskId() + " (it was completed, or the id is wrong)";
                RejectionScope.recordNotFound(message);
                throw new NotFoundException(message);
            }
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
            formData = formOf(task);
            current = PlainValues.of(task.getVariablesTyped(false));
        } else {
            ProcessDefinitionEntity definition = definitionOf(submission, context);
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkCreateProcessInstance(definition);
            }
            StartFormData startForm = definition.getStartFormHandler() == null ? null
                    : definition.getStartFormHandler().createStartFormData(definition);
            formData = startForm;
            current = Map.of();
        }
        List<FormViolation> violations;
        String formId = null;
        if (!isCamundaForm(formData)) {
            violations = FormSubmissionValidator.withoutForm(submitted);
        } else {
            FormSchema form = FormSchema.parse(new DeployedForm(formData).read(context));
            formId = form.id();
            violations = FormSubmissionValidator.validate(form, submitted, current);
        }
        if (!violations.isEmpty()) {
            FormSubmissionRejected rejected = new FormSubmissionRejected(formId, violations);
            RejectionScope.record(rejected);
            throw rejected;
        }
    }

    private static ProcessDefinitionEntity definitionOf(Submission submission, CommandContext context) {
        // Read without the READ permission check: the right that matters, creating an instance, is checked next.
        return submission.start() != null
                ? new GetDeployedProcessDefinitionCmd(submission.start(), false).execute(context)
                : new GetDeployedProcessDefinitionCmd(submission.processDefinitionId(), false).execute(context);
    }

    private static FormData formOf(TaskEntity task) {
        task.initializeFormKey();
        TaskFormDataImpl data = new TaskFormDataImpl();
        data.setFormKey(task.getFormKey());
        data.setCamundaFormRef(task.getCamundaFormRef());
        data.setDeploymentId(task.getProcessDefinition() == null ? null
                : task.getProcessDefinition().getDeploymentId());
        return data;
    }

    /**
     * Only Camunda Forms ({@code camunda:formRef}, or a form key {@code camunda-forms:...}) have a schema the server
     * can check against; a step with an embedded or external form, or none, takes no variables from a user.
     */
    private static boolean isCamundaForm(FormData data) {
        if (data == null) {
            return false;
        }
        CamundaFormRef ref = data.getCamundaFormRef();
        return ref != null && ref.getKey() != null
                || data.getFormKey() != null && data.getFormKey().startsWith(CAMUNDA_FORMS);
    }

    /**
     * Camunda's own lookup of a deployed form (binding latest, deployment or version; form key or form ref),
     * reused as it is rather than copied. Its authorization check is left out because the caller's right to
     * complete the task or start the process was checked just before.
     */
    private static final class DeployedForm extends AbstractGetDeployedFormCmd {

        private final FormData data;

        DeployedForm(FormData data) {
            this.data = data;
        }

        byte[] read(CommandContext context) {
            try (InputStream content = execute(context)) {
                if (content == null) {
                    throw new NotFoundException("The form of this step is not deployed");
                }
                return content.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the deployed form", e);
            }
        }

        @Override
        protected FormData getFormData() {
            return data;
        }

        @Override
        protected void checkAuthorization() {
            // checked by FormSubmissionCheck with the engine's own checkers before the form is read
        }
    }
}
