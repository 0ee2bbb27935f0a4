-- Fewer indexes on the outbox (issue 7): every index costs a write per event when it is inserted and again when
-- the relay marks it sent (that update cannot be HOT, since sent_at decides the partial index below). Measured
-- with the benchmark, see docs/performance.md.
--
-- * event_id: the ids are random UUIDs made by the outbox itself; nothing looks a row up by them.
-- * root_process_instance_id: always equal to record_key (the key is the root instance), so the audit timeline
--   reads a key's rows through the (record_key, topic, sequence) unique index instead.
-- * sent_at: only the hourly cleanup asked for it. It now finds old rows by created_at through a BRIN index, a
--   few pages for the whole table and next to free to maintain, since ids and created_at grow together; a row is
--   always created before it is sent, so "sent before the cutoff" implies "created before the cutoff".
alter table quorum_event_outbox drop constraint quorum_event_outbox_event_id_key;
drop index quorum_event_outbox_process_instance;
drop index quorum_event_outbox_sent_at;
create index quorum_event_outbox_created_at on quorum_event_outbox using brin (created_at);
