-- Chain version 2 covers who acted: Camunda's user operation log rows of the instance, and a task's acting-for
-- record and comments as part of its end. Each entry keeps the version whose rules it was written by, so entries
-- written before (version 1, the default here) are still recomputed by the old rules and still verify.
alter table quorum_audit_chain add column version smallint not null default 1;

-- When the instance's history may be removed (Camunda's REMOVAL_TIME_), recorded when the instance ends. A chain
-- is deleted only once this time has passed and its history is gone; history gone before it shows in verify.
alter table quorum_audit_chain_head add column removal_time timestamp;
create index quorum_audit_chain_head_removal_time on quorum_audit_chain_head (removal_time);

-- Chains written before: take the removal time their instance's history holds now. On a new database the
-- Camunda tables do not exist yet (Flyway runs before the engine creates them), and there is nothing to copy.
do $$
begin
    if to_regclass('act_hi_procinst') is not null then
        update quorum_audit_chain_head h set removal_time = p.removal_time_
        from act_hi_procinst p where p.id_ = h.process_instance_id;
    end if;
end $$;
