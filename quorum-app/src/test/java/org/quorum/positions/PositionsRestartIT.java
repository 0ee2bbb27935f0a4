package org.quorum.positions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorum.support.OwnApplication;
import org.quorum.support.StandaloneQuorum;
import org.springframework.context.ConfigurableApplicationContext;

/** An interim survives a restart of the node: nothing about who holds what, or where tasks are, changes. */
@OwnApplication
class PositionsRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void restartInTheMiddleOfAnInterimChangesNothing() {
        String before;
        try (ConfigurableApplicationContext app = StandaloneQuorum.startDemo(dataDir)) {
            Positions positions = app.getBean(Positions.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            positions.end("DSG", positions.holdings("DSG").get(0).id(), now);
            positions.appoint("DSG", HoldingKind.INTERIM, "sg", now, null, "demo");
            before = start(app.getBean(ProcessEngine.class));
            assertThat(task(app.getBean(ProcessEngine.class), before).getAssignee()).isEqualTo("sg");
        }
        try (ConfigurableApplicationContext app = StandaloneQuorum.startDemo(dataDir)) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            Positions positions = app.getBean(Positions.class);
            assertThat(positions.incumbent("DSG", Instant.now())).contains(new Incumbent("sg", "DSG"));
            assertThat(positions.holdings("DSG")).hasSize(2);
            Task open = task(engine, before);
            assertThat(open.getAssignee()).isEqualTo("sg");
            assertThat(engine.getTaskService().getVariableLocal(open.getId(), "actingFor")).isEqualTo("DSG");
            String after = start(engine);
            assertThat(task(engine, after).getAssignee()).isEqualTo("sg");
        }
    }

    private static String start(ProcessEngine engine) {
        return engine.getRuntimeService().startProcessInstanceByKey("positions-fixture").getId();
    }

    private static Task task(ProcessEngine engine, String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }
}
