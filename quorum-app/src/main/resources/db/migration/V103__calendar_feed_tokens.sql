-- Tokens that let a user's calendar application read the feed of their tasks' due dates. Only the SHA-256 of a
-- token is kept: whoever reads this table cannot subscribe as the user. A revoked token stays, for the record.
create table quorum_calendar_feed_token (
    id          bigserial    primary key,
    user_id     varchar(255) not null,
    token_hash  char(64)     not null unique,
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);
create index quorum_calendar_feed_token_user on quorum_calendar_feed_token (user_id, id);
