-- Search keys stored once per row (generated columns) instead of recomputed: the trigram indexes'
-- rechecks read them rather than running unaccent again on every candidate row, which made a
-- search over a large territory cost seconds (bench/targeting). The expression indexes of V5/V10
-- on the same expressions are replaced by indexes on these columns.
alter table housing add column address_key text generated always as (zlv_address_key(address_dgfip)) stored;
drop index if exists housing_address_search;
create index housing_address_search on housing using gin (address_key gin_trgm_ops);

alter table owner
    add column name_key text generated always as (immutable_unaccent(lower(full_name))) stored,
    add column administrator_key text generated always as (immutable_unaccent(lower(administrator))) stored,
    add column address_key text generated always as (zlv_address_key(address_dgfip)) stored;
drop index if exists owner_name_search;
drop index if exists owner_administrator_search;
drop index if exists owner_address_search;
create index owner_name_search on owner using gin (name_key gin_trgm_ops);
create index owner_administrator_search on owner using gin (administrator_key gin_trgm_ops);
create index owner_address_search on owner using gin (address_key gin_trgm_ops);
