-- The current state of each process instance, as the state topic (quorum.process-state) publishes it: kept up to
-- date from the engine's transitions in the transaction that makes them, and read back, under a row lock, by the
-- next transaction of the instance. An ended instance keeps its last state until its history is removed; then a
-- sweep writes its tombstone and deletes the row.
create table quorum_process_state (
    process_instance_id varchar(64)  primary key,
    ended               boolean      not null,
    state               jsonb        not null,
    updated_at          timestamptz  not null default now()
);
-- The sweep looks at ended instances only.
create index quorum_process_state_ended on quorum_process_state (process_instance_id) where ended;

-- A tombstone of the state topic has no data: Kafka gets a null value. Rows of the state topic leave
-- root_process_instance_id empty (their key is the instance itself, not its root).
alter table quorum_event_outbox alter column data drop not null;
