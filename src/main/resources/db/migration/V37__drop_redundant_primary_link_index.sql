-- ownership_primary (housing_id) where rank = 1 (V5) answers nothing that ownership_primary_owner
-- (housing_id, owner_id) where rank = 1 (V10) does not: same rows, same leading column. One index less to
-- maintain on every write of links, and to build after a national load (~1 s).
drop index if exists ownership_primary;
