package org.quorum.audit.internal;

import java.util.Arrays;

/**
 * The kinds of audit entry that are chained, each naming the history row it covers and the columns of that row
 * which no longer change once the entry happened. Only those columns are hashed, so that an entry recomputed
 * later from the current history rows matches unless someone changed the row by hand. Mutable columns (a
 * task's name, an instance's business key, an activity's end while it runs) are left out on purpose.
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
    TASK_ENDED("task.ended", """
            select id_, end_time_, assignee_, owner_, delete_reason_
            from act_hi_taskinst where id_ = ? and end_time_ is not null"""),
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
            from act_hi_incident where id_ = ? and end_time_ is not null""");

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

    private final String code;
    private final String rowQuery;
    private final String rowsQuery;

    EntryKind(String code, String rowQuery) {
        this.code = code;
        this.rowQuery = rowQuery;
        this.rowsQuery = rowQuery.replace("id_ = ?", "id_ = any(?)");
    }

    /** The name stored in the chain table and shown in API responses. */
    public String code() {
        return code;
    }

    String rowQuery() {
        return rowQuery;
    }

    /** The same columns for many rows at once: {@code id_ = any(?)} with an array of keys. */
    String rowsQuery() {
        return rowsQuery;
    }

    static EntryKind ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown audit entry kind " + code));
    }
}
