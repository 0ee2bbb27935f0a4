-- When a key's sequence was last advanced, so that counters of finished instances can be cleaned up.
alter table quorum_event_sequence add column updated_at timestamptz not null default now();
