package org.quorum.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorum.audit.AuditFixture;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Chains written before version 2 (who acted) still verify, by the rules they were written with. A version-1
 * chain is made here as the code of that time wrote it: the same entries without the operation log, hashed over
 * the first rules, stored without a version (the migration's default). The current rules read many entries at
 * once as they read one.
 */
@QuorumIntegrationTest
class ChainVersionIT {

    /** How version 1 read a task's end, as released; its hashes were computed over these columns. */
    private static final String RELEASED_TASK_ENDED = """
            select id_, end_time_, assignee_, owner_, delete_reason_
            from act_hi_taskinst where id_ = ? and end_time_ is not null""";

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
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CanonicalContent content;

    AuditFixture fixture;

    @BeforeEach
    void deploy() {
        fixture = new AuditFixture(repository, runtime, tasks, identity);
    }

    @Test
    void theFirstRulesAreTheReleasedOnes() {
        assertThat(EntryKind.TASK_ENDED.rowQuery(ChainVersion.FIRST)).isEqualTo(RELEASED_TASK_ENDED);
        for (EntryKind kind : EntryKind.values()) {
            if (kind != EntryKind.TASK_ENDED && kind.existsIn(ChainVersion.FIRST)) {
                assertThat(kind.rowQuery(ChainVersion.FIRST)).as(kind.code())
                        .isEqualTo(kind.rowQuery(ChainVersion.CURRENT));
            }
        }
        assertThat(EntryKind.OPERATION_LOGGED.existsIn(ChainVersion.FIRST)).isFalse();
    }

    @Test
    void aChainWrittenByTheFirstRulesStillVerifiesByThem() throws Exception {
        String id = fixture.start("V1-" + UUID.randomUUID());
        String taskId = fixture.checkAsOfficer(id, "fine");
        long entries = rewriteByTheFirstRules(id);
        assertThat(jdbc.queryForList("select distinct version from quorum_audit_chain where process_instance_id = ?",
                Integer.class, id)).containsExactly(1);

        JsonNode verification = verify(id);
        assertThat(verification.path("intact").asBoolean()).isTrue();
        assertThat(verification.path("entriesChecked").asLong()).isEqualTo(entries);

        // Version 1 did not cover who a task was done for; what it did cover is still checked.
        jdbc.update("update act_hi_varinst set text_ = 'Secretary General' where task_id_ = ? and name_ = 'actingFor'",
                taskId);
        assertThat(verify(id).path("intact").asBoolean()).isTrue();
        jdbc.update("update act_hi_taskinst set assignee_ = 'mallory' where id_ = ?", taskId);
        JsonNode tampered = verify(id);
        assertThat(tampered.path("intact").asBoolean()).isFalse();
        assertThat(tampered.at("/firstMismatch/kind").asText()).isEqualTo("task.ended");
        assertThat(tampered.at("/firstMismatch/key").asText()).isEqualTo(taskId);
    }

    /** An instance started before the upgrade and finished after it: its chain holds entries of both versions. */
    @Test
    void aChainContinuedAfterTheUpgradeVerifiesEachEntryByItsOwnRules() throws Exception {
        String id = fixture.start("V1V2-" + UUID.randomUUID());
        long before = rewriteByTheFirstRules(id);
        String taskId = fixture.checkAsOfficer(id, "fine");

        assertThat(jdbc.queryForList("select version from quorum_audit_chain where process_instance_id = ? "
                + "order by position", Integer.class, id))
                .hasSizeGreaterThan((int) before).startsWith(1).endsWith(2).isSorted();
        assertThat(verify(id).path("intact").asBoolean()).isTrue();

        jdbc.update("update act_hi_varinst set text_ = 'Secretary General' where task_id_ = ? and name_ = 'actingFor'",
                taskId);
        JsonNode tampered = verify(id);
        assertThat(tampered.path("intact").asBoolean()).isFalse();
        assertThat(tampered.at("/firstMismatch/kind").asText()).isEqualTo("task.ended");
        assertThat(tampered.at("/firstMismatch/key").asText()).isEqualTo(taskId);
    }

    /**
     * Reading many entries at once gives each the content that reading it alone gives, whatever the number of keys:
     * one, a number the statement pads, keys without a row, more keys than one statement takes.
     */
    @Test
    void readingManyEntriesGivesEachTheContentOfReadingItAlone() {
        List<String> activities = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String id = fixture.start("Many-" + UUID.randomUUID());
            fixture.checkAsOfficer(id, "fine");
            activities.addAll(jdbc.queryForList("select entry_key from quorum_audit_chain "
                    + "where process_instance_id = ? and entry_kind = 'activity.started'", String.class, id));
        }
        assertThat(activities).hasSizeGreaterThan(64);

        for (int count : List.of(1, 3, 64, activities.size())) {
            List<String> keys = new ArrayList<>(activities.subList(0, count));
            keys.add("no-such-activity");
            Collections.shuffle(keys);
            Map<String, Map<String, Object>> all = content.readAll(EntryKind.ACTIVITY_STARTED, keys);
            assertThat(all).as("%d keys", count).hasSize(count).doesNotContainKey("no-such-activity");
            all.forEach((key, entry) -> assertThat(entry)
                    .isEqualTo(content.read(EntryKind.ACTIVITY_STARTED, ChainVersion.CURRENT, key).orElseThrow()));
        }
    }

    /** Replaces the instance's chain by the one the first version would have written for the same history. */
    private long rewriteByTheFirstRules(String id) {
        List<Map<String, Object>> chained = jdbc.queryForList("""
                select entry_kind, entry_key from quorum_audit_chain
                where process_instance_id = ? and entry_kind <> 'operation.logged' order by position""", id);
        jdbc.update("delete from quorum_audit_chain where process_instance_id = ?", id);
        String hash = ChainHash.GENESIS;
        long position = 0;
        for (Map<String, Object> entry : chained) {
            String code = (String) entry.get("entry_kind");
            String key = (String) entry.get("entry_key");
            EntryKind kind = EntryKind.of(code, ChainVersion.FIRST).orElseThrow();
            hash = ChainHash.next(hash, content.serialise(content.read(kind, ChainVersion.FIRST, key).orElseThrow()));
            jdbc.update("insert into quorum_audit_chain (process_instance_id, position, entry_kind, entry_key, hash) "
                    + "values (?, ?, ?, ?, ?)", id, ++position, code, key, hash);
        }
        jdbc.update("update quorum_audit_chain_head set last_position = ?, last_hash = ? where process_instance_id = ?",
                position, hash, id);
        return position;
    }

    private JsonNode verify(String id) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("owner", "owner")
                .getForEntity("/api/audit/process-instances/" + id + "/verify", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }
}
