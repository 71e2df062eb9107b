-- Targeting at national scale (bench/targeting, docs/benchmarks.md "Targeting", run 3).
--
-- The housing list filters, counts and sorts on the primary owner (rank 1) of each dwelling, and its
-- search box looks into the names and addresses of every current owner (rank >= 1). Joining ownership
-- and owner for that cost 0.3–1 s per query on a 76 k-dwelling territory. The primary owner's
-- attributes that the list needs, and one search text of the current owners, are therefore copied
-- onto housing, kept right by statement-level triggers on ownership and owner (transition tables: one
-- set-based refresh per statement, so bulk imports pay one UPDATE, not one per row).
--
-- "Primary owner" = the rank-1 link with the lowest owner id, as the list always displayed it.
-- A dwelling without one has nulls everywhere, which is what "Pas d'information" means for the
-- owner filters (DOMAIN.md §5).

alter table housing
    add column primary_owner_id         bigint,
    add column primary_owner_name       text,      -- owner.full_name: the "owner" sort
    add column primary_owner_kind       text,      -- owner.kind_code
    add column primary_owner_birth_date date,      -- owner.birth_date
    add column primary_owner_location   text,      -- ownership.relative_location of the rank-1 link
    add column primary_owner_multi      boolean,   -- owner.multi_owner (null: no primary owner)
    add column owners_key               text;      -- search keys of the current owners (rank >= 1), '|' between texts

-- One owner's searched texts (name, administrator, address keys), '|' between them: the search's
-- exact rule (every word in one of those texts) splits owners_key on '|' again.
create or replace function zlv_owner_keys(name_key text, administrator_key text, address_key text) returns text
    language sql immutable parallel safe
    as $$ select nullif(concat_ws('|', replace(name_key, '|', ' '), replace(administrator_key, '|', ' '),
                                  replace(address_key, '|', ' ')), '') $$;

-- Refreshes the copied columns of the given dwellings (ids without duplicates). Dynamic SQL so that
-- each call is planned with the real number of ids (a handful after an edit, the whole country after
-- an import): nested loops on the indexes for a few, hash joins for many.
create or replace function zlv_refresh_housing_owners(ids bigint[]) returns void
    language plpgsql
as $fn$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    execute $q$
        with x as (select unnest($1) as id)
        update housing h
           set primary_owner_id = s.owner_id, primary_owner_name = s.full_name, primary_owner_kind = s.kind_code,
               primary_owner_birth_date = s.birth_date, primary_owner_location = s.relative_location,
               primary_owner_multi = s.multi_owner, owners_key = s.owners_key
          from (select x.id, p.owner_id, p.full_name, p.kind_code, p.birth_date, p.relative_location, p.multi_owner,
                       k.owners_key
                  from x
                  left join (select distinct on (w.housing_id) w.housing_id, o.id as owner_id, o.full_name, o.kind_code,
                                    o.birth_date, w.relative_location, o.multi_owner
                               from x join ownership w on w.housing_id = x.id join owner o on o.id = w.owner_id
                              where w.rank = 1
                              order by w.housing_id, o.id) p on p.housing_id = x.id
                  left join (select w.housing_id,
                                    string_agg(zlv_owner_keys(o.name_key, o.administrator_key, o.address_key), '|'
                                               order by w.rank, o.id) as owners_key
                               from x join ownership w on w.housing_id = x.id join owner o on o.id = w.owner_id
                              where w.rank >= 1
                              group by w.housing_id) k on k.housing_id = x.id) s
         where h.id = s.id
           and (h.primary_owner_id, h.primary_owner_name, h.primary_owner_kind, h.primary_owner_birth_date,
                h.primary_owner_location, h.primary_owner_multi, h.owners_key)
               is distinct from
               (s.owner_id, s.full_name, s.kind_code, s.birth_date, s.relative_location, s.multi_owner, s.owners_key)
    $q$ using ids;
end
$fn$;

-- Links added, changed or removed: their dwellings. (A trigger with transition tables fires for one
-- event only, hence three triggers on one function.)
create or replace function zlv_ownership_changed() returns trigger
    language plpgsql
as $fn$
begin
    if tg_op = 'INSERT' then
        perform zlv_refresh_housing_owners(array(select distinct housing_id from new_links));
    elsif tg_op = 'DELETE' then
        perform zlv_refresh_housing_owners(array(select distinct housing_id from old_links));
    else
        perform zlv_refresh_housing_owners(array(
            select n.housing_id
              from new_links n
              left join old_links o on o.housing_id = n.housing_id and o.owner_id = n.owner_id
             where o.housing_id is null
                or (n.rank, n.relative_location) is distinct from (o.rank, o.relative_location)
            union
            select o.housing_id
              from old_links o
              left join new_links n on n.housing_id = o.housing_id and n.owner_id = o.owner_id
             where n.housing_id is null));
    end if;
    return null;
end
$fn$;

create trigger ownership_refreshes_housing_on_insert after insert on ownership
    referencing new table as new_links for each statement execute function zlv_ownership_changed();
create trigger ownership_refreshes_housing_on_update after update on ownership
    referencing old table as old_links new table as new_links for each statement execute function zlv_ownership_changed();
create trigger ownership_refreshes_housing_on_delete after delete on ownership
    referencing old table as old_links for each statement execute function zlv_ownership_changed();

-- An owner edited (import upsert, multi-owner flag, …): the dwellings where it is a current owner, only
-- when a copied or searched attribute changed (contact edits change none of them).
create or replace function zlv_owner_changed() returns trigger
    language plpgsql
as $fn$
begin
    perform zlv_refresh_housing_owners(array(
        select distinct w.housing_id
          from new_owners n
          join old_owners o on o.id = n.id
          join ownership w on w.owner_id = n.id and w.rank >= 1
         where (n.full_name, n.administrator, n.address_dgfip, n.kind_code, n.birth_date, n.multi_owner)
               is distinct from (o.full_name, o.administrator, o.address_dgfip, o.kind_code, o.birth_date, o.multi_owner)));
    return null;
end
$fn$;

create trigger owner_refreshes_housing_on_update after update on owner
    referencing old table as old_owners new table as new_owners for each statement execute function zlv_owner_changed();

-- Existing data, in one set-based pass.
update housing h
   set primary_owner_id = p.owner_id, primary_owner_name = p.full_name, primary_owner_kind = p.kind_code,
       primary_owner_birth_date = p.birth_date, primary_owner_location = p.relative_location,
       primary_owner_multi = p.multi_owner, owners_key = k.owners_key
  from housing x
  left join (select distinct on (w.housing_id) w.housing_id, o.id as owner_id, o.full_name, o.kind_code, o.birth_date,
                    w.relative_location, o.multi_owner
               from ownership w join owner o on o.id = w.owner_id
              where w.rank = 1
              order by w.housing_id, o.id) p on p.housing_id = x.id
  left join (select w.housing_id,
                    string_agg(zlv_owner_keys(o.name_key, o.administrator_key, o.address_key), '|' order by w.rank, o.id) as owners_key
               from ownership w join owner o on o.id = w.owner_id
              where w.rank >= 1
              group by w.housing_id) k on k.housing_id = x.id
 where h.id = x.id and (p.owner_id is not null or k.owners_key is not null);

-- The search box: one trigram index over the address and the current owners' texts, instead of
-- matching owners nationally then joining back to the territory. It replaces the address-only one.
create index housing_search on housing using gin ((coalesce(address_key, '') || '|' || coalesce(owners_key, '')) gin_trgm_ops);
drop index if exists housing_address_search;

-- Counts of a territory (dwellings per status, distinct primary owners) and its first page without
-- filters, from the index alone.
create index housing_by_commune_status_owner on housing (commune_code, status) include (primary_owner_id, id);
drop index if exists housing_by_commune_status;
