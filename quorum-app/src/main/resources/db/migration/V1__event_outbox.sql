-- Transactional outbox: one row per event, written in the transaction of the engine state it describes.
create table quorum_event_outbox (
    id                       bigserial    primary key,
    event_id                 uuid         not null unique,
    topic                    varchar(249) not null,
    record_key               varchar(64)  not null,
    sequence                 bigint       not null,
    event_type               varchar(200) not null,
    subject                  varchar(255),
    occurred_at              timestamptz  not null,
    process_definition_key   varchar(255),
    process_instance_id      varchar(64),
    root_process_instance_id varchar(64),
    business_key             varchar(255),
    acting_for               varchar(255),
    data                     text         not null,
    created_at               timestamptz  not null default now(),
    sent_at                  timestamptz,
    kafka_partition          integer,
    kafka_offset             bigint,
    constraint quorum_event_outbox_key_sequence unique (record_key, topic, sequence)
);
-- The relay reads unsent rows in id order; the partial index keeps that cheap however many rows are sent.
create index quorum_event_outbox_unsent on quorum_event_outbox (id) where sent_at is null;
create index quorum_event_outbox_sent_at on quorum_event_outbox (sent_at) where sent_at is not null;
create index quorum_event_outbox_process_instance on quorum_event_outbox (root_process_instance_id);

-- Per key (root process instance) and topic, the last sequence number handed out. The row lock taken by the
-- increment orders concurrent transactions of one instance, so sequence order is commit order, gap-free.
create table quorum_event_sequence (
    record_key    varchar(64)  not null,
    topic         varchar(249) not null,
    last_sequence bigint       not null,
    primary key (record_key, topic)
);

-- Events that can never be published (serialisation failure, record rejected for good), with the reason.
create table quorum_event_dead_letter (
    id          bigserial    primary key,
    event_id    uuid         not null,
    topic       varchar(249) not null,
    record_key  varchar(64)  not null,
    sequence    bigint,
    event_type  varchar(200) not null,
    data        text,
    reason      text         not null,
    failed_at   timestamptz  not null default now()
);
