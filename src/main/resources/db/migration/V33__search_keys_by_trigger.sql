-- The search keys of owners (name, administrator, address) and dwellings (address) were generated columns
-- (V11): PostgreSQL forms each written row a second time to store them, which cost a national LOVAC load 6 s
-- on the owners and 4 s on the dwellings, on the one core its transaction uses. They become plain columns kept
-- by row triggers with the same expressions; a LOVAC bulk load turns the triggers off inside its transaction
-- and writes the keys itself, set-based (ADR 0004). Stored values are kept as they are (same expressions).
alter table owner
    alter column name_key drop expression,
    alter column administrator_key drop expression,
    alter column address_key drop expression;
alter table housing alter column address_key drop expression;

create or replace function zlv_owner_search_keys() returns trigger
    language plpgsql
as $$
begin
    new.name_key := public.immutable_unaccent(lower(new.full_name));
    new.administrator_key := public.immutable_unaccent(lower(new.administrator));
    new.address_key := zlv_address_key(new.address_dgfip);
    return new;
end
$$;

create trigger owner_search_keys before insert or update of full_name, administrator, address_dgfip on owner
    for each row execute function zlv_owner_search_keys();

create or replace function zlv_housing_search_key() returns trigger
    language plpgsql
as $$
begin
    new.address_key := zlv_address_key(new.address_dgfip);
    return new;
end
$$;

create trigger housing_search_key before insert or update of address_dgfip on housing
    for each row execute function zlv_housing_search_key();
