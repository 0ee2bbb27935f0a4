package org.quorum.history;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quorum.audit.internal.ChainRehash;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk copies of finished process instances, as the engine and Quorum would have written them had the same steps
 * happened at another time: every row the product keeps for a finished instance (Camunda's history tables and
 * the history byte arrays, Quorum's audit chain and its head, the process state, the outbox as sent rows and the
 * outbox's sequence per key), with fresh ids and all times shifted by the clone's offset.
 * <p>
 * A clone is a template's whole tree (a root instance and the instances it called), numbered {@code n}. Every id
 * of a row of the tree, wherever it appears (a row's own id, a reference to another row of the tree, a chain
 * entry's key), becomes {@link #cloneId cloneId(id, n)}, the same function in SQL and in Java; ids of what is not
 * part of an instance (process and decision definitions, element ids, users, groups) are kept. Times, removal
 * times included, move by the clone's shift, so the engine's removal-time strategy {@code end} (removal time =
 * end of the root + time to live) holds for the clone as for its template. Business keys get the suffix
 * {@code -H<n>}. The audit chain is copied entry by entry and then rehashed from the clone's rows by the
 * product's own canonical content ({@link ChainRehash}), so verify checks clones as it checks engine-written
 * chains.
 * <p>
 * What is not rewritten: ids inside text (variable values, the JSON of outbox events and process states other
 * than the instance's and its root's own ids and the event id). Kafka positions of outbox rows are the template's.
 * Test code, shared by the equivalence test (HistoryCloneIT) and the benchmark's history stage.
 */
public final class HistoryCloner {

    /**
     * Columns of Camunda's tables that hold the id of a row of the instance (or of something that existed only
     * while it ran, such as a job or an external task): each gets its fresh id.
     */
    public static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
            "process_instance_id_", "execution_id_", "act_inst_id_", "parent_act_inst_id_", "task_id_",
            "parent_task_id_",
            "super_process_instance_id_", "super_execution_id_", "call_proc_inst_id_", "bytearray_id_",
            "var_inst_id_", "dec_inst_id_", "root_dec_inst_id_", "job_id_", "operation_id_", "cause_incident_id_",
            "root_cause_incident_id_", "configuration_", "history_configuration_", "job_exception_stack_id_",
            "exception_stack_id_", "error_details_id_", "ext_task_id_", "external_task_id_", "content_id_",
            "batch_id_", "annotation_id_");

    /** One clone of every template: its number (1, 2, ...; part of its ids) and how far back its times move. */
    public record Clone(int n, long shiftMillis) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, List<Column>> camundaTables;

    public HistoryCloner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.camundaTables = camundaTables(jdbc);
    }

    /** The id a row's id {@code id} gets in clone {@code n}: {@code md5(id || ':' || n)::uuid::text} in SQL. */
    public static String cloneId(String id, int n) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((id + ":" + n).getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has MD5", e);
        }
    }

    /** Camunda's tables cloned (those that tie their rows to a root instance), with their columns in order. */
    public Map<String, List<Column>> camundaTables() {
        return camundaTables;
    }

    /**
     * Clones the finished trees of {@code templateRoots} once per entry of {@code clones}; returns the ids of the
     * process instances created (root and called ones).
     */
    public List<String> cloneAll(List<String> templateRoots, List<Clone> clones) {
        List<String> treeIds = jdbc.query(con -> arrays(con,
                "select id_ from act_hi_procinst where root_proc_inst_id_ = any(?) order by id_",
                new Object[][] {templateRoots.toArray(String[]::new)}), (rs, n) -> rs.getString(1));
        Integer[] numbers = clones.stream().map(Clone::n).toArray(Integer[]::new);
        Long[] shifts = clones.stream().map(Clone::shiftMillis).toArray(Long[]::new);
        String[] roots = templateRoots.toArray(String[]::new);
        camundaTables.forEach((table, columns) -> jdbc.update(con -> arrays(con, camundaInsert(table, columns),
                numbers, shifts, roots)));
        for (String statement : QUORUM_INSERTS) {
            jdbc.update(con -> arrays(con, statement, numbers, shifts, roots));
        }
        List<String> created = new ArrayList<>();
        for (Clone clone : clones) {
            treeIds.forEach(id -> created.add(cloneId(id, clone.n())));
        }
        new ChainRehash(jdbc).rehash(created);
        return created;
    }

    private static String camundaInsert(String table, List<Column> columns) {
        StringBuilder names = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (Column column : columns) {
            names.append(names.isEmpty() ? "" : ", ").append(column.name());
            values.append(values.isEmpty() ? "" : ", ").append(column.cloned("x"));
        }
        return "insert into " + table + " (" + names + ") select " + values + " from " + table + " x"
                + " cross join unnest(?::int[], ?::bigint[]) as c(n, shift_ms)"
                + " where x.root_proc_inst_id_ = any(?::varchar[])";
    }

    private static final String SHIFT = " + c.shift_ms * interval '1 millisecond'";
    private static final String TREE = " cross join unnest(?::int[], ?::bigint[]) as c(n, shift_ms)"
            + " where p.root_proc_inst_id_ = any(?::varchar[])";

    private static String newId(String expression) {
        return "md5(" + expression + " || ':' || c.n)::uuid::text";
    }

    private static final List<String> QUORUM_INSERTS = List.of(
            "insert into quorum_audit_chain (process_instance_id, position, entry_kind, entry_key, hash, recorded_at,"
                    + " version) select " + newId("x.process_instance_id") + ", x.position, x.entry_kind, "
                    + newId("x.entry_key") + ", x.hash, x.recorded_at" + SHIFT + ", x.version"
                    + " from quorum_audit_chain x join act_hi_procinst p on p.id_ = x.process_instance_id" + TREE,
            "insert into quorum_audit_chain_head (process_instance_id, last_position, last_hash, updated_at,"
                    + " removal_time) select " + newId("x.process_instance_id") + ", x.last_position, x.last_hash,"
                    + " x.updated_at" + SHIFT + ", x.removal_time" + SHIFT
                    + " from quorum_audit_chain_head x join act_hi_procinst p on p.id_ = x.process_instance_id" + TREE,
            "insert into quorum_audit_actor (process_instance_id, actor, start_time) select "
                    + newId("x.process_instance_id") + ", x.actor, x.start_time" + SHIFT
                    + " from quorum_audit_actor x join act_hi_procinst p on p.id_ = x.process_instance_id" + TREE,
            "insert into quorum_process_state (process_instance_id, ended, state, updated_at) select "
                    + newId("x.process_instance_id")
                    + ", x.ended, replace(replace(x.state::text, x.process_instance_id, "
                    + newId("x.process_instance_id") + "), p.root_proc_inst_id_, " + newId("p.root_proc_inst_id_")
                    + ")::jsonb, x.updated_at" + SHIFT
                    + " from quorum_process_state x join act_hi_procinst p on p.id_ = x.process_instance_id" + TREE,
            "insert into quorum_event_sequence (record_key, topic, last_sequence) select distinct "
                    + newId("x.record_key") + ", x.topic, s.last_sequence from quorum_event_outbox x"
                    + " join quorum_event_sequence s on s.record_key = x.record_key and s.topic = x.topic"
                    + " join act_hi_procinst p on p.id_ = coalesce(x.process_instance_id, x.root_process_instance_id)"
                    + TREE + " on conflict do nothing",
            // The clones' events count as sent: each gets its delivery row (sent when written, no Kafka position:
            // they never went to a broker) and none is pending.
            "with cloned as (insert into quorum_event_outbox (event_id, topic, record_key, sequence, event_type,"
                    + " subject, occurred_at, process_definition_key, process_instance_id, root_process_instance_id,"
                    + " business_key, acting_for, data, created_at)"
                    + " select md5(x.event_id::text || ':' || c.n)::uuid, x.topic, " + newId("x.record_key")
                    + ", x.sequence, x.event_type, replace(x.subject, p.id_, " + newId("p.id_") + "), x.occurred_at"
                    + SHIFT + ", x.process_definition_key, " + newId("x.process_instance_id") + ", "
                    + newId("x.root_process_instance_id") + ", x.business_key || '-H' || c.n, x.acting_for,"
                    + " replace(replace(replace(x.data, x.event_id::text,"
                    + " md5(x.event_id::text || ':' || c.n)::uuid::text),"
                    + " p.id_, " + newId("p.id_") + "), p.root_proc_inst_id_, " + newId("p.root_proc_inst_id_") + "),"
                    + " x.created_at" + SHIFT
                    + " from quorum_event_outbox x"
                    + " join act_hi_procinst p on p.id_ = coalesce(x.process_instance_id, x.root_process_instance_id)"
                    + TREE + " returning id, created_at)"
                    + " insert into quorum_event_delivery (id, sent_at) select id, created_at from cloned");

    private static PreparedStatement arrays(Connection con, String sql, Object[]... arrays) throws SQLException {
        PreparedStatement statement = con.prepareStatement(sql);
        for (int i = 0; i < arrays.length; i++) {
            Object[] values = arrays[i];
            String type = values instanceof Integer[] ? "integer" : values instanceof Long[] ? "bigint" : "varchar";
            statement.setArray(i + 1, con.createArrayOf(type, values));
        }
        return statement;
    }

    private static Map<String, List<Column>> camundaTables(JdbcTemplate jdbc) {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        jdbc.query("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                where c.table_schema = current_schema()
                  and (c.table_name like 'act\\_hi\\_%' or c.table_name = 'act_ge_bytearray')
                  and exists (select 1 from information_schema.columns r where r.table_schema = c.table_schema
                              and r.table_name = c.table_name and r.column_name = 'root_proc_inst_id_')
                order by c.table_name, c.ordinal_position""", rs -> {
            tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
                    .add(new Column(rs.getString(2), rs.getString(3)));
        });
        return tables;
    }

    /** A column of a Camunda table and what a clone puts in it. */
    public record Column(String name, String type) {

        public boolean id() {
            return ID_COLUMNS.contains(name);
        }

        public boolean time() {
            return type.startsWith("timestamp");
        }

        public boolean businessKey() {
            return name.equals("business_key_");
        }

        String cloned(String row) {
            String value = row + "." + name;
            if (id()) {
                return newId(value);
            }
            if (time()) {
                return value + SHIFT;
            }
            return businessKey() ? value + " || '-H' || c.n" : value;
        }
    }
}
