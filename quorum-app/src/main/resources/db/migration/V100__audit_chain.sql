-- Tamper evidence for process history: per process instance, a hash chain over its audit entries.
-- Each row names one history row (entry_kind + entry_key) and holds SHA-256(previous hash + canonical content),
-- where the canonical content is re-read from Camunda's history tables; nothing of the content is copied here.
create table quorum_audit_chain (
    process_instance_id varchar(64)  not null,
    position            bigint       not null,
    entry_kind          varchar(40)  not null,
    entry_key           varchar(64)  not null,
    hash                char(64)     not null,
    recorded_at         timestamptz  not null default now(),
    primary key (process_instance_id, position)
);

-- One row per chained instance: its last position and hash. Writers lock it (row lock until commit), so two
-- transactions of one instance append one after the other instead of forking the chain; verify compares the
-- recomputed end of the chain with it, so a truncated chain shows.
create table quorum_audit_chain_head (
    process_instance_id varchar(64)  primary key,
    last_position       bigint       not null,
    last_hash           char(64)     not null,
    updated_at          timestamptz  not null default now()
);
