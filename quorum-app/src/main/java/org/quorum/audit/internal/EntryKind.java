package org.quorum.audit.internal;

import java.util.Arrays;
import java.util.Optional;

import org.quorum.infrastructure.jdbc.KeyList;

/**
 * The kinds of audit entry that are chained, each naming the history row it covers and the columns of that row
 * which no longer change once the entry happened. Only those columns are hashed, so that an entry recomputed
 * later from the current history rows matches unless someone changed the row by hand. Mutable columns (a
 * task's name, an instance's business key, an activity's end while it runs, every row's removal time) are left
 * out on purpose.
 * <p>
 * The rules are versioned ({@link ChainVersion}): an entry is recomputed by the rules of the version it was
 * written with, so a chain written before a kind was added or widened still verifies.
 */
public enum EntryKind {

    PROCESS_STARTED("process.started", """
            select id_, proc_def_id_, proc_def_key_, start_time_, start_user_id_, start_act_id_,
                   super_process_instance_id_, root_proc_inst_id_
            from act_hi_procinst where id_ = ?"""),
    PROCESS_ENDED("process.ended", """
            select id_, end_time_, end_act_id_, delete_reason_, state_
            from act_hi_procinst where id_ = ? and end_time_ is not null"""),
    ACTIVITY_STARTED("activity.started", """
            select id_, proc_inst_id_, act_id_, act_type_, parent_act_inst_id_, start_time_
            from act_hi_actinst where id_ = ?"""),
    ACTIVITY_ENDED("activity.ended", """
            select id_, act_id_, end_time_, act_inst_state_
            from act_hi_actinst where id_ = ? and end_time_ is not null"""),
    TASK_CREATED("task.created", """
            select id_, proc_inst_id_, act_inst_id_, task_def_key_, start_time_
            from act_hi_taskinst where id_ = ?"""),
    /**
     * Since version 2 a task's end also holds who it was done for: the task-local {@code actingFor} variable's
     * history rows and the task's comments ("sg acting for DSG"). Neither can change through Camunda's API once
     * the task has ended (a comment is updated or deleted only on a running task), so they are fixed then. Read
     * as JSON by PostgreSQL and re-serialised by {@link CanonicalContent}, so the formatting of the server's JSON
     * output does not matter, only its values. The variable is looked up the way the timeline shows it (by
     * instance and name, which Camunda indexes; it has no index on a variable's task).
     */
    TASK_ENDED("task.ended", """
            select id_, end_time_, assignee_, owner_, delete_reason_
            from act_hi_taskinst where id_ = ? and end_time_ is not null""", """
            select t.id_, t.end_time_, t.assignee_, t.owner_, t.delete_reason_,
                   (select coalesce(json_agg(json_build_object('id_', v.id_, 'var_type_', v.var_type_,
                                'text_', v.text_, 'text2_', v.text2_, 'state_', v.state_) order by v.id_), '[]')
                    from act_hi_varinst v
                    where v.proc_inst_id_ = t.proc_inst_id_ and v.name_ = 'actingFor' and v.task_id_ = t.id_)
                   as acting_for,
                   (select coalesce(json_agg(json_build_object('id_', c.id_, 'type_', c.type_,
                                'time_', (extract(epoch from c.time_) * 1000)::bigint, 'user_id_', c.user_id_,
                                'action_', c.action_, 'message_', c.message_,
                                'full_msg_sha256', encode(sha256(c.full_msg_), 'hex')) order by c.time_, c.id_), '[]')
                    from act_hi_comment c where c.task_id_ = t.id_) as comments
            from act_hi_taskinst t where t.id_ = ? and t.end_time_ is not null"""),
    IDENTITY_LINK("identity-link", """
            select id_, timestamp_, type_, user_id_, group_id_, task_id_, operation_type_, assigner_id_
            from act_hi_identitylink where id_ = ?"""),
    VARIABLE_UPDATED("variable.updated", """
            select d.id_, d.proc_inst_id_, d.act_inst_id_, d.task_id_, d.name_, d.var_type_, d.time_,
                   d.sequence_counter_, d.text_, d.text2_, d.long_, d.double_, encode(sha256(b.bytes_), 'hex') as bytes_sha256
            from act_hi_detail d left join act_ge_bytearray b on b.id_ = d.bytearray_id_
            where d.id_ = ? and d.type_ = 'VariableUpdate'"""),
    DECISION_EVALUATED("decision.evaluated", """
            select id_, proc_inst_id_, act_inst_id_, act_id_, dec_def_id_, dec_def_key_, eval_time_, collect_value_,
                   root_dec_inst_id_
            from act_hi_decinst where id_ = ?"""),
    INCIDENT_CREATED("incident.created", """
            select id_, proc_inst_id_, incident_type_, create_time_, activity_id_, failed_activity_id_
            from act_hi_incident where id_ = ?"""),
    INCIDENT_ENDED("incident.ended", """
            select id_, end_time_, incident_state_
            from act_hi_incident where id_ = ? and end_time_ is not null"""),
    /**
     * Since version 2: a row of Camunda's user operation log, which says who (the authenticated user) claimed,
     * assigned, completed, or changed what in the instance. Its annotation may be edited through the API and is
     * left out.
     */
    OPERATION_LOGGED(ChainVersion.WHO_ACTED, "operation.logged", """
            select id_, proc_inst_id_, execution_id_, task_id_, job_id_, user_id_, timestamp_, operation_id_,
                   operation_type_, entity_type_, property_, org_value_, new_value_, category_
            from act_hi_op_log where id_ = ?""");

    /** A decision's inputs and outputs belong to its entry: what was decided on which inputs. */
    static final String DECISION_INPUTS = """
            select i.clause_id_, i.var_type_, i.text_, i.text2_, i.long_, i.double_,
                   encode(sha256(b.bytes_), 'hex') as bytes_sha256
            from act_hi_dec_in i left join act_ge_bytearray b on b.id_ = i.bytearray_id_
            where i.dec_inst_id_ = ? order by i.clause_id_, i.id_""";
    static final String DECISION_OUTPUTS = """
            select o.clause_id_, o.rule_id_, o.rule_order_, o.var_name_, o.var_type_, o.text_, o.text2_, o.long_,
                   o.double_, encode(sha256(b.bytes_), 'hex') as bytes_sha256
            from act_hi_dec_out o left join act_ge_bytearray b on b.id_ = o.bytearray_id_
            where o.dec_inst_id_ = ? order by o.rule_order_, o.clause_id_, o.id_""";

    private final int since;
    private final String code;
    private final String firstRowQuery;
    private final String rowQuery;

    /** A kind whose rules have not changed since version 1. */
    EntryKind(String code, String rowQuery) {
        this(ChainVersion.FIRST, code, rowQuery, rowQuery);
    }

    /** A kind added in version {@code since}. */
    EntryKind(int since, String code, String rowQuery) {
        this(since, code, rowQuery, rowQuery);
    }

    /** A kind of version 1 whose rules were widened later: the first rules, and the current ones. */
    EntryKind(String code, String firstRowQuery, String rowQuery) {
        this(ChainVersion.FIRST, code, firstRowQuery, rowQuery);
    }

    EntryKind(int since, String code, String firstRowQuery, String rowQuery) {
        this.since = since;
        this.code = code;
        this.firstRowQuery = firstRowQuery;
        this.rowQuery = rowQuery;
    }

    /** The name stored in the chain table and shown in API responses. */
    public String code() {
        return code;
    }

    /** Whether entries of this kind exist in chains of {@code version}. */
    boolean existsIn(int version) {
        return version >= since && version <= ChainVersion.CURRENT;
    }

    /** The row's columns by the rules of {@code version}; {@link #existsIn} must hold. */
    String rowQuery(int version) {
        return version == ChainVersion.FIRST ? firstRowQuery : rowQuery;
    }

    /** The current rules for many rows at once: {@code id_ in} the list's placeholders ({@link KeyList}). */
    String rowsQuery(KeyList keys) {
        return rowQuery.replace("id_ = ?", "id_ in " + keys.placeholders());
    }

    /** The kind stored as {@code code} in a chain of {@code version}; empty if that version has no such kind. */
    static Optional<EntryKind> of(String code, int version) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code) && kind.existsIn(version)).findFirst();
    }
}
