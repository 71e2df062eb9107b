-- Priority score (issue 4 item 9). The national default score lives in housing.priority_score
-- (column created by V10__targeting.sql, indexed there). An establishment that edits its weights gets
-- its own scores for the dwellings of its perimeter in housing_priority_score, indexed by
-- (establishment, score), so that sorting and "scoreMin" filtering stay index-backed for it too.
create table score_weights (
    establishment_id bigint primary key references establishment (id) on delete cascade,
    weights          jsonb  not null,              -- {"vacancy-duration": 25, …}, totals 100
    updated_by       bigint,
    updated_at       timestamptz not null default now()
);

create table housing_priority_score (
    establishment_id bigint   not null references establishment (id) on delete cascade,
    housing_id       bigint   not null references housing (id) on delete cascade,
    score            smallint not null,
    primary key (establishment_id, housing_id)
);
create index housing_priority_score_by_score on housing_priority_score (establishment_id, score);
