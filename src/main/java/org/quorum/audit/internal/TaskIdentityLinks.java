package org.quorum.audit.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The identity link history (claims, assignments, candidates, owners) of all tasks of one instance, in one query.
 * <p>
 * Camunda's {@code HistoricIdentityLinkLogQuery} filters by one task id at a time and its table has no instance
 * column, so the timeline would need one query per task; this reads the same table joined to the instance's
 * tasks instead. It bypasses the engine's authorization checks, as {@link InstanceSearch} does: the audit's
 * access filter admits only groups that may read all history.
 */
@Component
class TaskIdentityLinks {

    record Row(String taskId, Instant time, String type, String operationType, String userId, String groupId,
               String assignerId) {
    }

    private final JdbcTemplate jdbc;

    TaskIdentityLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The instance's task identity links, oldest first, at most {@code limit}. */
    List<Row> of(String processInstanceId, int limit) {
        return jdbc.query("""
                select l.task_id_, l.timestamp_, l.type_, l.operation_type_, l.user_id_, l.group_id_, l.assigner_id_
                from act_hi_identitylink l join act_hi_taskinst t on t.id_ = l.task_id_
                where t.proc_inst_id_ = ?
                order by l.timestamp_, l.id_ limit ?""", (rs, n) -> new Row(rs.getString("task_id_"),
                rs.getTimestamp("timestamp_") == null ? null : rs.getTimestamp("timestamp_").toInstant(),
                rs.getString("type_"), rs.getString("operation_type_"), rs.getString("user_id_"),
                rs.getString("group_id_"), rs.getString("assigner_id_")), processInstanceId, limit);
    }
}
