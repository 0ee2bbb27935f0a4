package org.quorum.integrity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;

/** The command fields the integrity guard reads exist in this engine version and hold what it expects. */
class CommandFieldsTest {

    @Test
    void completionsCarryTheirTaskAndVariables() {
        CompleteTaskCmd complete = new CompleteTaskCmd("task-1", Map.of("checkResult", "COMPLETE"));
        assertThat(CommandFields.read(complete, "taskId")).isEqualTo("task-1");
        assertThat(CommandFields.read(complete, "variables")).isEqualTo(Map.of("checkResult", "COMPLETE"));

        SubmitTaskFormCmd submit = new SubmitTaskFormCmd("task-2", Map.of("actingFor", "DSG"), false, false);
        assertThat(CommandFields.read(submit, "taskId")).isEqualTo("task-2");
        assertThat(((Map<?, ?>) CommandFields.read(submit, "properties")).keySet().toString()).isEqualTo("[actingFor]");
    }

    @Test
    void variableWritesCarryTheNamesTheyTouch() {
        assertThat(((Map<?, ?>) CommandFields.read(new SetExecutionVariablesCmd("e", Map.of("position", "X"), true),
                "variables")).keySet().toString()).isEqualTo("[position]");
        assertThat(CommandFields.read(new RemoveTaskVariablesCmd("t", List.of("actingFor"), true), "variableNames"))
                .isEqualTo(List.of("actingFor"));
        PatchTaskVariablesCmd patch = new PatchTaskVariablesCmd("t", Map.of("a", 1), List.of("actingFor"), true);
        assertThat(((Map<?, ?>) CommandFields.read(patch, "variables")).keySet().toString()).isEqualTo("[a]");
        assertThat(CommandFields.read(patch, "deletions")).isEqualTo(List.of("actingFor"));
    }
}
