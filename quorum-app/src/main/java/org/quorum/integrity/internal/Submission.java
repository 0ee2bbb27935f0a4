package org.quorum.integrity.internal;

import java.lang.reflect.Field;
import java.util.Map;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What a command that submits a form carries: the task it completes or the process it starts, and the variables.
 * <p>
 * These are the four commands every path reaches: {@code TaskService.complete} and REST {@code .../complete}
 * ({@link CompleteTaskCmd}), {@code FormService.submitTaskForm}, REST and Tasklist {@code .../submit-form}
 * ({@link SubmitTaskFormCmd}), {@code RuntimeService.start...}, the instantiation builder and REST
 * {@code .../start} without start instructions ({@link StartProcessInstanceCmd}), and
 * {@code FormService.submitStartForm} and REST {@code .../submit-form} of a definition ({@link SubmitStartFormCmd}).
 * Camunda 7.24 gives these commands no getters for their task id and variables, so they are read from their
 * protected fields by reflection (only the builder behind a start has public getters). A Camunda upgrade that
 * renames a field fails here at class initialisation, i.e. at engine start, not silently.
 */
record Submission(String taskId, ProcessInstantiationBuilderImpl start, String processDefinitionId,
                  Map<String, Object> variables) {

    private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");
    private static final Field SUBMIT_VARIABLES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");
    private static final Field START_FORM_DEFINITION = field(SubmitStartFormCmd.class, "processDefinitionId");
    private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");

    static boolean submitsAForm(Command<?> command) {
        return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd
                || command instanceof StartProcessInstanceCmd || command instanceof SubmitStartFormCmd;
    }

    @SuppressWarnings("unchecked")
    static Submission of(Command<?> command) {
        if (command instanceof CompleteTaskCmd) {
            return new Submission((String) read(COMPLETE_TASK_ID, command), null, null,
                    (Map<String, Object>) read(COMPLETE_VARIABLES, command));
        }
        if (command instanceof SubmitTaskFormCmd) {
            return new Submission((String) read(SUBMIT_TASK_ID, command), null, null,
                    (Map<String, Object>) read(SUBMIT_VARIABLES, command));
        }
        if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(START_BUILDER, command);
            return new Submission(null, builder, null, builder.getVariables());
        }
        if (command instanceof SubmitStartFormCmd) {
            return new Submission(null, null, (String) read(START_FORM_DEFINITION, command),
                    (Map<String, Object>) read(START_FORM_VARIABLES, command));
        }
        throw new IllegalArgumentException("Not a form submission: " + command.getClass().getName());
    }

    boolean completesATask() {
        return taskId != null;
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field '" + name
                    + "' any more: the form check must be adapted to this Camunda version", e);
        }
    }

    private static Object read(Field field, Command<?> command) {
        try {
            return field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
