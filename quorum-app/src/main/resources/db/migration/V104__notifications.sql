-- The notifier (org.quorum.notifications): a subscriber of Quorum's own process events that mails officers.

-- Events the notifier has handled, by CloudEvent id: Kafka delivers at least once, and a redelivered event
-- (after a restart, a rebalance, on another node) finds its id here and queues nothing again. Written in the
-- transaction that queues the event's mails.
create table quorum_notification_event (
    event_id    varchar(255) primary key,
    handled_at  timestamptz  not null default now()
);
create index quorum_notification_event_age on quorum_notification_event (handled_at);

-- Each user's choice: a mail per task (IMMEDIATE, the default when a user has no row), one daily digest, or none.
create table quorum_notification_setting (
    user_id     varchar(255) primary key,
    delivery    varchar(16)  not null check (delivery in ('IMMEDIATE', 'DAILY_DIGEST', 'OFF')),
    updated_at  timestamptz  not null
);

-- Mails, queued in the transaction that decided them and sent by whichever node takes them first. HELD: waiting
-- for the user's daily digest; DIGESTED: sent as part of digest mail digest_id. A mail the server refuses is
-- tried again at next_attempt_at, and FAILED with the server's answer after the last attempt.
create table quorum_notification_mail (
    id               bigserial     primary key,
    user_id          varchar(255)  not null,
    address          varchar(320)  not null,
    kind             varchar(16)   not null,
    task_id          varchar(64),
    subject          varchar(998)  not null,
    body             text          not null,
    status           varchar(16)   not null
        check (status in ('PENDING', 'HELD', 'SENT', 'FAILED', 'DIGESTED')),
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null default now(),
    last_error       text,
    queued_at        timestamptz   not null,
    sent_at          timestamptz,
    digest_id        bigint        references quorum_notification_mail (id)
);
create index quorum_notification_mail_due on quorum_notification_mail (next_attempt_at) where status = 'PENDING';
create index quorum_notification_mail_held on quorum_notification_mail (user_id, queued_at) where status = 'HELD';
create index quorum_notification_mail_user on quorum_notification_mail (user_id, id);

-- Reminders and overdue notices already given, once per task, kind and due date: a task whose due date moves gets
-- its notices again for the new date. The insert that finds its row here is the node that lost the race.
create table quorum_notification_deadline (
    task_id     varchar(64)  not null,
    kind        varchar(16)  not null,
    due_at      timestamptz  not null,
    noticed_at  timestamptz  not null,
    primary key (task_id, kind, due_at)
);
