package org.quorum.audit.internal;

import java.util.List;

import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.quorum.history.HistoryClassifier;
import org.quorum.history.Transition.IdentityLinkChanged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The identity link history (claims, assignments, candidates, owners) of all tasks of one instance, in one query.
 * <p>
 * Camunda's {@code HistoricIdentityLinkLogQuery} filters by one task id at a time and its table has no instance
 * column, so the timeline would need one query per task; this reads the same table joined to the instance's
 * tasks instead, into Camunda's own history entity, which the classifier reads as it reads the engine's. It
 * bypasses the engine's authorization checks, as {@link InstanceSearch} does: the audit's access filter admits
 * only groups that may read all history.
 */
@Component
class TaskIdentityLinks {

    private final JdbcTemplate jdbc;
    private final HistoryClassifier classifier;

    TaskIdentityLinks(JdbcTemplate jdbc, HistoryClassifier classifier) {
        this.jdbc = jdbc;
        this.classifier = classifier;
    }

    /** The instance's task identity links, oldest first, at most {@code limit}. */
    List<IdentityLinkChanged> of(String processInstanceId, int limit) {
        return jdbc.query("""
                select l.id_, l.task_id_, l.timestamp_, l.type_, l.operation_type_, l.user_id_, l.group_id_,
                       l.assigner_id_
                from act_hi_identitylink l join act_hi_taskinst t on t.id_ = l.task_id_
                where t.proc_inst_id_ = ?
                order by l.timestamp_, l.id_ limit ?""", (rs, n) -> {
            HistoricIdentityLinkLogEventEntity link = new HistoricIdentityLinkLogEventEntity();
            link.setId(rs.getString("id_"));
            link.setProcessInstanceId(processInstanceId);
            link.setTaskId(rs.getString("task_id_"));
            link.setTime(rs.getTimestamp("timestamp_"));
            link.setType(rs.getString("type_"));
            link.setOperationType(rs.getString("operation_type_"));
            link.setUserId(rs.getString("user_id_"));
            link.setGroupId(rs.getString("group_id_"));
            link.setAssignerId(rs.getString("assigner_id_"));
            return classifier.read(link);
        }, processInstanceId, limit);
    }
}
