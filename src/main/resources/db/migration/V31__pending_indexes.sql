-- Indexes a big LOVAC load dropped and builds again once its data is committed (ADR 0004): two at a time,
-- on two connections, while pages can read the tables. A row stays until its index is built, so a crash
-- in between is repaired at the next start or by the next import.
create table bulk_pending_index (
    name       text primary key,       -- the index's name, as pg_index gives it
    statement  text not null,          -- its definition (pg_get_indexdef)
    created_at timestamptz not null default now()
);
