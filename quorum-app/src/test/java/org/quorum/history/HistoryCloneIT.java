package org.quorum.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.quorum.audit.AuditFixture;
import org.quorum.support.QuorumIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark's bulk path ({@link HistoryCloner}) writes the rows the engine and Quorum write: an instance run
 * by the engine (the audit fixture: a task claimed and completed by an authenticated officer acting for a
 * position, with a comment, a byte-array variable and a DMN decision) is cloned, and every table's rows of the
 * clone equal the template's column by column, ids and times aside (ids are the clone's own, the same fresh id
 * wherever the template's appears; times are the template's moved by the clone's shift); the audit chain of the
 * clone verifies, and the audit API lists and shows the clone as it shows its template. Runs in the shared
 * application context.
 */
@QuorumIntegrationTest
class HistoryCloneIT {

    private static final Duration SHIFT = Duration.ofDays(-1234).minusMinutes(17);

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

    @Test
    void aCloneHoldsTheTemplatesRowsWithFreshIdsAndShiftedTimesAndItsChainVerifies() throws Exception {
        AuditFixture fixture = new AuditFixture(repository, runtime, tasks, identity);
        String businessKey = "HISTORY-CLONE-" + UUID.randomUUID();
        String template = fixture.start(businessKey);
        runtime.setVariable(template, "scan", new byte[] {1, 2, 3, 5, 8});
        fixture.checkAsOfficer(template, "fine");
        assertThat(jdbc.queryForObject("select end_time_ is not null from act_hi_procinst where id_ = ?",
                Boolean.class, template)).as("the template has ended").isTrue();

        HistoryCloner cloner = new HistoryCloner(jdbc);
        int n = 7;
        List<String> created = cloner.cloneAll(List.of(template),
                List.of(new HistoryCloner.Clone(n, SHIFT.toMillis())));
        String clone = HistoryCloner.cloneId(template, n);
        assertThat(created).containsExactly(clone);

        int tablesWithRows = 0;
        for (Map.Entry<String, List<HistoryCloner.Column>> table : cloner.camundaTables().entrySet()) {
            List<Map<String, Object>> rows = rows(table.getKey(), template);
            Map<Object, Map<String, Object>> clones = rows(table.getKey(), clone).stream()
                    .collect(Collectors.toMap(row -> row.get("id_"), Function.identity()));
            assertThat(clones).as(table.getKey()).hasSameSizeAs(rows);
            for (Map<String, Object> row : rows) {
                Map<String, Object> copy = clones.get(HistoryCloner.cloneId((String) row.get("id_"), n));
                assertThat(copy).as(table.getKey() + " row " + row.get("id_")).isNotNull();
                for (HistoryCloner.Column column : table.getValue()) {
                    assertThat(copy.get(column.name())).as(table.getKey() + "." + column.name())
                            .isEqualTo(expected(column, row.get(column.name()), n));
                }
            }
            tablesWithRows += rows.isEmpty() ? 0 : 1;
        }
        assertThat(tablesWithRows).as("history tables holding the template's rows").isGreaterThanOrEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from act_ge_bytearray where root_proc_inst_id_ = ?",
                Long.class, clone)).as("the byte-array variable's history copied").isPositive();
        everyTableOfTheSchemaHoldsAsManyRowsOfTheCloneAsOfTheTemplate(template, clone);

        assertThat(quorumRows("""
                select position, entry_kind, version from quorum_audit_chain where process_instance_id = ?
                order by position""", clone)).isEqualTo(quorumRows("""
                select position, entry_kind, version from quorum_audit_chain where process_instance_id = ?
                order by position""", template));
        assertThat(quorumRows("""
                select a.actor, a.start_time = p.start_time_ as same_start from quorum_audit_actor a
                join act_hi_procinst p on p.id_ = a.process_instance_id where a.process_instance_id = ?
                order by a.actor""", clone)).as("the actor index: same actors, the clone's start time")
                .isNotEmpty().isEqualTo(quorumRows("""
                select a.actor, a.start_time = p.start_time_ as same_start from quorum_audit_actor a
                join act_hi_procinst p on p.id_ = a.process_instance_id where a.process_instance_id = ?
                order by a.actor""", template));
        assertThat(quorumRows("""
                select topic, sequence, event_type, process_definition_key, acting_for
                from quorum_event_outbox where process_instance_id = ? order by topic, sequence""", clone))
                .isNotEmpty().isEqualTo(quorumRows("""
                select topic, sequence, event_type, process_definition_key, acting_for
                from quorum_event_outbox where process_instance_id = ? order by topic, sequence""", template));
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_outbox o where o.process_instance_id = ? "
                + "and not exists (select 1 from quorum_event_delivery d where d.id = o.id)", Long.class, clone))
                .as("the clone's events count as sent").isZero();
        assertThat(jdbc.queryForObject("select count(*) from quorum_event_pending p join quorum_event_outbox o "
                + "on o.id = p.id where o.process_instance_id = ?", Long.class, clone))
                .as("and none waits for the relay").isZero();
        assertThat(jdbc.queryForObject("select ended from quorum_process_state where process_instance_id = ?",
                Boolean.class, clone)).isTrue();

        JsonNode verification = get("/api/audit/process-instances/" + clone + "/verify");
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("entriesChecked").asLong()).isEqualTo(get(
                "/api/audit/process-instances/" + template + "/verify").path("entriesChecked").asLong())
                .isPositive();
        JsonNode listed = get("/api/audit/process-instances?businessKey=" + businessKey + "-H" + n);
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(listed.path("items").get(0).path("id").asText()).isEqualTo(clone);
        assertThat(kinds(get("/api/audit/process-instances/" + clone)))
                .isEqualTo(kinds(get("/api/audit/process-instances/" + template)));
    }

    private Object expected(HistoryCloner.Column column, Object template, int n) {
        if (template == null) {
            return null;
        }
        if (column.id()) {
            return HistoryCloner.cloneId((String) template, n);
        }
        if (column.time()) {
            // Times without time zone move as wall-clock times, as PostgreSQL adds the interval.
            return Timestamp.valueOf(((Timestamp) template).toLocalDateTime().plus(SHIFT));
        }
        if (column.businessKey()) {
            return template + "-H" + n;
        }
        return template instanceof byte[] bytes ? new Bytes(bytes) : template;
    }

    private List<Map<String, Object>> rows(String table, String root) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table + " where root_proc_inst_id_ = ?",
                root);
        rows.forEach(row -> row.replaceAll((name, value) -> value instanceof byte[] bytes ? new Bytes(bytes) : value));
        return rows;
    }

    /** Any table of the schema that ties rows to an instance, Camunda's or Quorum's, and not only those cloned. */
    private void everyTableOfTheSchemaHoldsAsManyRowsOfTheCloneAsOfTheTemplate(String template, String clone) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name from information_schema.columns
                where table_schema = current_schema()
                  and column_name in ('root_proc_inst_id_', 'proc_inst_id_', 'process_instance_id_',
                                      'process_instance_id', 'root_process_instance_id')
                order by table_name, column_name""");
        for (Map<String, Object> column : columns) {
            String sql = "select count(*) from " + column.get("table_name") + " where " + column.get("column_name")
                    + " = ?";
            assertThat(jdbc.queryForObject(sql, Long.class, clone))
                    .as(column.get("table_name") + "." + column.get("column_name"))
                    .isEqualTo(jdbc.queryForObject(sql, Long.class, template));
        }
    }

    private List<Map<String, Object>> quorumRows(String sql, String instance) {
        return jdbc.queryForList(sql, instance);
    }

    private List<String> kinds(JsonNode timeline) {
        return timeline.path("entries").findValuesAsText("kind");
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("owner", "owner").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    /** Byte arrays compared by content. */
    private record Bytes(byte[] value) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes bytes && Arrays.equals(value, bytes.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }
    }
}
