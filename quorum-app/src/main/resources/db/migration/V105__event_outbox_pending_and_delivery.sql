-- The relay's mark no longer rewrites the outbox row (issue 17). Marking a row sent used to update sent_at,
-- kafka_partition and kafka_offset in place: PostgreSQL wrote a whole new version of the row (its data included)
-- with new entries in the primary key and the (record_key, topic, sequence) index, since sent_at decides the
-- partial "unsent" index, so no update could be HOT; then autovacuum cleaned up the old versions. That second
-- write was 55-65 % of a relay round's time (docs/performance.md).
--
-- Now an outbox row is written once and never changed:
-- * quorum_event_pending holds the id of every row not yet sent, written in the same statement and transaction as
--   the row. The relay reads its batch in id order through it and, at the mark, deletes the batch's ids: a
--   delete writes no new row version and no index entry.
-- * quorum_event_delivery records, for each row sent, where Kafka put it and when, for the audit view's event log:
--   a narrow row appended in id order.

create table quorum_event_pending (
    id bigint primary key
);

create table quorum_event_delivery (
    id              bigint      primary key,
    kafka_partition integer,
    kafka_offset    bigint,
    sent_at         timestamptz not null
);
-- The cleanup finds deliveries older than the retention; ids and sent_at grow together, so BRIN is enough.
create index quorum_event_delivery_sent_at on quorum_event_delivery using brin (sent_at);

insert into quorum_event_pending (id)
select id from quorum_event_outbox where sent_at is null;

insert into quorum_event_delivery (id, kafka_partition, kafka_offset, sent_at)
select id, kafka_partition, kafka_offset, sent_at from quorum_event_outbox where sent_at is not null;

drop index quorum_event_outbox_unsent;
alter table quorum_event_outbox drop column sent_at, drop column kafka_partition, drop column kafka_offset;
