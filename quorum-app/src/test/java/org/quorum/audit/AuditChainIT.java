package org.quorum.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.audit.internal.ChainCleanup;
import org.quorum.positions.HoldingKind;
import org.quorum.positions.Position;
import org.quorum.positions.Positions;
import org.quorum.support.QuorumIntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@QuorumIntegrationTest
class AuditChainIT {

    private static final Logger log = LoggerFactory.getLogger(AuditChainIT.class);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngineConfiguration engineConfiguration;
    @Autowired
    ChainCleanup cleanup;
    @Autowired
    Positions positions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    AuditFixture fixture;

    @BeforeEach
    void deploy() {
        fixture = new AuditFixture(repository, runtime, tasks, identity);
    }

    @Test
    void everyStepOfAnInstanceIsChainedAndTheUntouchedChainVerifies() throws Exception {
        String id = fixture.start("CHAIN-" + UUID.randomUUID());
        fixture.checkAsOfficer(id, "fine");

        List<String> kinds = jdbc.queryForList(
                "select entry_kind from quorum_audit_chain where process_instance_id = ? order by position",
                String.class, id);
        assertThat(kinds).containsSubsequence("process.started", "activity.started", "task.created",
                "identity-link", "operation.logged", "variable.updated", "task.ended", "decision.evaluated",
                "process.ended");
        assertThat(jdbc.queryForList("select distinct version from quorum_audit_chain where process_instance_id = ?",
                Integer.class, id)).containsExactly(2);
        JsonNode verification = verify(id);
        assertThat(verification.path("intact").asBoolean()).isTrue();
        assertThat(verification.path("entriesChecked").asLong()).isEqualTo(kinds.size());
        assertThat(verification.path("firstMismatch").isNull()).isTrue();
    }

    @Test
    void verifyNamesTheTaskWhoseAssigneeWasChangedInTheDatabase() throws Exception {
        String id = fixture.start("TAMPER-" + UUID.randomUUID());
        String taskId = fixture.checkAsOfficer(id, "fine");
        assertThat(verify(id).path("intact").asBoolean()).isTrue();

        jdbc.update("update act_hi_taskinst set assignee_ = 'mallory' where id_ = ?", taskId);

        JsonNode verification = verify(id);
        log.info("verify after editing act_hi_taskinst.assignee_: {}", verification.toPrettyString());
        assertThat(verification.path("intact").asBoolean()).isFalse();
        JsonNode mismatch = verification.path("firstMismatch");
        assertThat(mismatch.path("kind").asText()).isEqualTo("task.ended");
        assertThat(mismatch.path("key").asText()).isEqualTo(taskId);
        assertThat(mismatch.at("/currentContent/assignee_").asText()).isEqualTo("mallory");
        long position = jdbc.queryForObject("select position from quorum_audit_chain where process_instance_id = ? "
                + "and entry_kind = 'task.ended' and entry_key = ?", Long.class, id, taskId);
        assertThat(mismatch.path("position").asLong()).isEqualTo(position);
        assertThat(verification.path("entriesChecked").asLong()).isEqualTo(position - 1);
    }

    @Test
    void verifyNoticesADeletedHistoryRowAndARemovedChainEntry() throws Exception {
        String id = fixture.start("DELETED-" + UUID.randomUUID());
        fixture.checkAsOfficer(id, "fine");
        String decisionId = jdbc.queryForObject("select id_ from act_hi_decinst where proc_inst_id_ = ?", String.class, id);
        jdbc.update("update act_hi_dec_out set text_ = null, long_ = 0 where dec_inst_id_ = ?", decisionId);
        JsonNode decision = verify(id).path("firstMismatch");
        assertThat(decision.path("kind").asText()).isEqualTo("decision.evaluated");
        assertThat(decision.path("key").asText()).isEqualTo(decisionId);

        String other = fixture.start("TRUNCATED-" + UUID.randomUUID());
        jdbc.update("delete from quorum_audit_chain where process_instance_id = ? and position = "
                + "(select max(position) from quorum_audit_chain where process_instance_id = ?)", other, other);
        JsonNode truncated = verify(other);
        assertThat(truncated.path("intact").asBoolean()).isFalse();
        assertThat(truncated.at("/firstMismatch/reason").asText()).contains("entries were removed");
    }

    /** Transactions of one instance on many threads (as on many nodes) append one after the other. */
    @Test
    void concurrentTransactionsOfOneInstanceDoNotForkTheChain() throws Exception {
        String id = fixture.start("CONCURRENT-" + UUID.randomUUID());
        long before = chainLength(id);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> writers.add(CompletableFuture.runAsync(
                () -> runtime.setVariable(id, "note" + i, "written by writer " + i))));
        writers.forEach(CompletableFuture::join);

        assertThat(chainLength(id)).isEqualTo(before + 8);
        assertThat(jdbc.queryForList("select position from quorum_audit_chain where process_instance_id = ? "
                + "order by position", Long.class, id))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, (int) before + 8).mapToObj(Long::valueOf).toList());
        assertThat(verify(id).path("intact").asBoolean()).isTrue();
    }

    @Test
    void verifyNamesTheOperationLogEntryWhoseUserWasChangedInTheDatabase() throws Exception {
        String id = fixture.start("OPLOG-" + UUID.randomUUID());
        String taskId = fixture.checkAsOfficer(id, "fine");
        assertThat(jdbc.queryForList("select operation_type_ from act_hi_op_log where proc_inst_id_ = ? "
                + "and user_id_ = 'officer'", String.class, id)).contains("Claim", "Complete");
        assertThat(verify(id).path("intact").asBoolean()).isTrue();

        jdbc.update("update act_hi_op_log set user_id_ = 'someone-else' where proc_inst_id_ = ?", id);

        JsonNode verification = verify(id);
        log.info("verify after editing act_hi_op_log.user_id_: {}", verification.toPrettyString());
        assertThat(verification.path("intact").asBoolean()).isFalse();
        JsonNode mismatch = verification.path("firstMismatch");
        Map<String, Object> first = jdbc.queryForMap("select position, entry_key from quorum_audit_chain "
                + "where process_instance_id = ? and entry_kind = 'operation.logged' order by position limit 1", id);
        assertThat(mismatch.path("kind").asText()).isEqualTo("operation.logged");
        assertThat(mismatch.path("key").asText()).isEqualTo(first.get("entry_key"));
        assertThat(mismatch.path("position").asLong()).isEqualTo(((Number) first.get("position")).longValue());
        assertThat(mismatch.at("/currentContent/user_id_").asText()).isEqualTo("someone-else");
        assertThat(mismatch.at("/currentContent/task_id_").asText()).isEqualTo(taskId);
    }

    @Test
    void verifyNamesTheTaskWhoseActingForRecordOrCommentWasChangedInTheDatabase() throws Exception {
        String variable = fixture.start("ACTING-" + UUID.randomUUID());
        String variableTask = fixture.checkAsOfficer(variable, "fine");
        String comment = fixture.start("ACTING-" + UUID.randomUUID());
        String commentTask = fixture.checkAsOfficer(comment, "fine");
        assertThat(verify(variable).path("intact").asBoolean()).isTrue();
        assertThat(verify(comment).path("intact").asBoolean()).isTrue();

        jdbc.update("update act_hi_varinst set text_ = 'Secretary General' where task_id_ = ? and name_ = 'actingFor'",
                variableTask);
        jdbc.update("update act_hi_comment set message_ = 'officer acting for Secretary General' where task_id_ = ?",
                commentTask);

        JsonNode byVariable = verify(variable);
        log.info("verify after editing the actingFor history variable: {}", byVariable.toPrettyString());
        assertThat(byVariable.path("intact").asBoolean()).isFalse();
        assertThat(byVariable.at("/firstMismatch/kind").asText()).isEqualTo("task.ended");
        assertThat(byVariable.at("/firstMismatch/key").asText()).isEqualTo(variableTask);
        assertThat(byVariable.at("/firstMismatch/currentContent/acting_for/0/text_").asText())
                .isEqualTo("Secretary General");
        JsonNode byComment = verify(comment);
        assertThat(byComment.path("intact").asBoolean()).isFalse();
        assertThat(byComment.at("/firstMismatch/kind").asText()).isEqualTo("task.ended");
        assertThat(byComment.at("/firstMismatch/key").asText()).isEqualTo(commentTask);
        assertThat(byComment.at("/firstMismatch/currentContent/comments/0/message_").asText())
                .isEqualTo("officer acting for Secretary General");
    }

    /** The positions feature's own record of an interim holder's completion: the variable and the comment. */
    @Test
    void anInterimHoldersCompletionIsChainedWithWhomTheyActedFor() throws Exception {
        String code = "AUDIT_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        positions.create(new Position(code, "Audit test seat", "secretariat"));
        positions.appoint(code, HoldingKind.INTERIM, "sg", Instant.now().minusSeconds(60), null, "demo");
        String key = "audit-task-for-" + code.toLowerCase().replace('_', '-');
        repository.createDeployment().name(key).addString(key + ".bpmn", """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://quorum.org/test">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Begin" targetRef="Task_Act" />
                    <bpmn:userTask id="Task_Act" name="Act">
                      <bpmn:extensionElements><camunda:properties>
                        <camunda:property name="quorum.position" value="%s" />
                      </camunda:properties></bpmn:extensionElements>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Act" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, code)).deploy();
        String id = runtime.startProcessInstanceByKey(key).getId();
        String taskId = fixture.taskId(id);
        identity.setAuthentication("sg", List.of("sg-office"));
        try {
            tasks.complete(taskId);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(verify(id).path("intact").asBoolean()).isTrue();

        jdbc.update("update act_hi_comment set message_ = replace(message_, 'sg acting', 'dsg acting') "
                + "where task_id_ = ?", taskId);

        JsonNode verification = verify(id);
        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(verification.at("/firstMismatch/kind").asText()).isEqualTo("task.ended");
        assertThat(verification.at("/firstMismatch/key").asText()).isEqualTo(taskId);
        assertThat(verification.at("/firstMismatch/currentContent/acting_for/0/text_").asText()).isEqualTo(code);
        assertThat(verification.at("/firstMismatch/currentContent/comments/0/message_").asText())
                .isEqualTo("dsg acting for " + code);
    }

    @Test
    void chainOfHistoryRemovedBeforeItsRemovalTimeIsKeptAndVerifySaysSo() throws Exception {
        String ended = fixture.start("EARLY-" + UUID.randomUUID());
        fixture.checkAsOfficer(ended, "fine");
        Timestamp removalTime = jdbc.queryForObject("select removal_time_ from act_hi_procinst where id_ = ?",
                Timestamp.class, ended);
        assertThat(removalTime).as("the fixture keeps history a day").isAfter(new Date());
        assertThat(recordedRemovalTime(ended)).isEqualTo(removalTime);
        String running = fixture.start("EARLY-" + UUID.randomUUID());
        assertThat(recordedRemovalTime(running)).isNull();
        long endedLength = chainLength(ended);
        long runningLength = chainLength(running);

        // An administrator deletes an ended instance's history through the API, a day early; someone deletes a
        // running instance's history row in the database.
        history.deleteHistoricProcessInstance(ended);
        jdbc.update("delete from act_hi_procinst where id_ = ?", running);
        cleanup.deleteChainsOfRemovedHistory();

        assertThat(chainLength(ended)).isEqualTo(endedLength);
        assertThat(chainLength(running)).isEqualTo(runningLength);
        JsonNode early = verify(ended);
        log.info("verify after the history was deleted a day early: {}", early.toPrettyString());
        assertThat(early.path("intact").asBoolean()).isFalse();
        assertThat(early.at("/firstMismatch/reason").asText()).startsWith("History removed outside retention")
                .contains(removalTime.toInstant().toString());
        assertThat(early.at("/firstMismatch/kind").asText()).isEqualTo("process.started");
        JsonNode unended = verify(running);
        assertThat(unended.path("intact").asBoolean()).isFalse();
        assertThat(unended.at("/firstMismatch/reason").asText()).startsWith("History removed outside retention")
                .contains("no removal time");
    }

    @Test
    void chainGoesOnceItsRemovalTimeHasPassedAndItsHistoryIsGone() throws Exception {
        // A process that keeps its history for no time at all: its removal time is its end.
        repository.createDeployment().name("audit-retention-fixture").enableDuplicateFiltering(true)
                .addModelInstance("audit-retention-fixture.bpmn", Bpmn
                        .createExecutableProcess("audit-retention-fixture").camundaHistoryTimeToLive(0).startEvent()
                        .userTask("Task_Check").camundaCandidateGroups("secretariat").endEvent().done())
                .deploy();
        String removed = runtime.startProcessInstanceByKey("audit-retention-fixture").getId();
        tasks.complete(fixture.taskId(removed));
        String kept = fixture.start("RETENTION-" + UUID.randomUUID());
        fixture.checkAsOfficer(kept, "fine");
        long keptLength = chainLength(kept);
        assertThat(recordedRemovalTime(removed)).isNotNull().isBeforeOrEqualTo(new Date());

        // Its time has passed, but the history is still there (Camunda's cleanup runs in its nightly window).
        cleanup.deleteChainsOfRemovedHistory();
        assertThat(chainLength(removed)).isPositive();
        assertThat(verify(removed).path("intact").asBoolean()).isTrue();

        // What Camunda's history cleanup does once the removal time has passed.
        history.deleteHistoricProcessInstance(removed);
        cleanup.deleteChainsOfRemovedHistory();

        assertThat(chainLength(removed)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from quorum_audit_chain_head where process_instance_id = ?",
                Long.class, removed)).isZero();
        assertThat(http.withBasicAuth("owner", "owner").getForEntity("/api/audit/process-instances/" + removed
                + "/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(chainLength(kept)).isEqualTo(keptLength);
        assertThat(verify(kept).path("intact").asBoolean()).isTrue();
    }

    /** Camunda sets a called instance's removal time when its root ends (strategy end), not when it ends itself. */
    @Test
    void aCalledInstanceKeepsTheRemovalTimeItsRootEndedWith() {
        repository.createDeployment().name("audit-retention-called").enableDuplicateFiltering(true)
                .addModelInstance("audit-retention-child.bpmn", Bpmn.createExecutableProcess("audit-retention-child")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Check")
                        .camundaCandidateGroups("secretariat").endEvent().done())
                .addModelInstance("audit-retention-root.bpmn", Bpmn.createExecutableProcess("audit-retention-root")
                        .camundaHistoryTimeToLive(1).startEvent().callActivity("Call_Child")
                        .calledElement("audit-retention-child").userTask("Task_Close")
                        .camundaCandidateGroups("secretariat").endEvent().done())
                .deploy();
        String root = runtime.startProcessInstanceByKey("audit-retention-root").getId();
        String child = runtime.createProcessInstanceQuery().superProcessInstanceId(root).singleResult().getId();
        tasks.complete(fixture.taskId(child));
        assertThat(recordedRemovalTime(child)).as("the child ended, its root runs").isNull();

        tasks.complete(fixture.taskId(root));

        Timestamp removalTime = jdbc.queryForObject("select removal_time_ from act_hi_procinst where id_ = ?",
                Timestamp.class, root);
        assertThat(removalTime).isNotNull();
        assertThat(recordedRemovalTime(root)).isEqualTo(removalTime);
        assertThat(recordedRemovalTime(child)).isEqualTo(removalTime);
    }

    @Test
    void historyCleanupRunsNightlyRemovingHistoryItsTimeToLiveAfterTheEnd() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
    }

    private Timestamp recordedRemovalTime(String id) {
        return jdbc.queryForObject("select removal_time from quorum_audit_chain_head where process_instance_id = ?",
                Timestamp.class, id);
    }

    private long chainLength(String id) {
        return jdbc.queryForObject("select count(*) from quorum_audit_chain where process_instance_id = ?",
                Long.class, id);
    }

    private JsonNode verify(String id) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("owner", "owner")
                .getForEntity("/api/audit/process-instances/" + id + "/verify", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }
}
