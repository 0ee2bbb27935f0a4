package org.quorum.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.audit.internal.ChainCleanup;
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
                "identity-link", "variable.updated", "task.ended", "decision.evaluated", "process.ended");
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
    void chainGoesWithTheHistoryItCovers() throws Exception {
        String removed = fixture.start("RETENTION-" + UUID.randomUUID());
        fixture.checkAsOfficer(removed, "fine");
        String kept = fixture.start("RETENTION-" + UUID.randomUUID());
        fixture.checkAsOfficer(kept, "fine");
        long keptLength = chainLength(kept);
        assertThat(chainLength(removed)).isPositive();

        // What Camunda's history cleanup does once the time to live has passed.
        history.deleteHistoricProcessInstance(removed);
        cleanup.deleteChainsWithoutHistory();

        assertThat(chainLength(removed)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from quorum_audit_chain_head where process_instance_id = ?",
                Long.class, removed)).isZero();
        assertThat(chainLength(kept)).isEqualTo(keptLength);
        assertThat(verify(kept).path("intact").asBoolean()).isTrue();
    }

    @Test
    void historyCleanupRunsNightlyRemovingHistoryItsTimeToLiveAfterTheEnd() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("06:00");
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
