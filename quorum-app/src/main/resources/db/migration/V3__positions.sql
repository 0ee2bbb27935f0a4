-- Positions (seats) and who holds them when. Tasks addressed to a position reach its current holder, or the
-- interim holder while an interim is in force. Past tenures are kept: the record of who acted for whom.
create table quorum_position (
    code         varchar(64)  primary key,
    title        varchar(255) not null,
    office_group varchar(64)  not null,
    created_at   timestamptz  not null default now()
);

create table quorum_position_holding (
    id            bigserial    primary key,
    position_code varchar(64)  not null references quorum_position (code),
    kind          varchar(16)  not null check (kind in ('SUBSTANTIVE', 'INTERIM')),
    user_id       varchar(255) not null,
    starts_at     timestamptz  not null,
    ends_at       timestamptz,
    created_by    varchar(255),
    created_at    timestamptz  not null default now(),
    constraint quorum_position_holding_period check (ends_at is null or ends_at > starts_at)
);
create index quorum_position_holding_position on quorum_position_holding (position_code, starts_at);
