-- Search keys are computed for every owner and dwelling a LOVAC import writes (generated columns, V11;
-- copies, V28). As SQL functions that PostgreSQL cannot inline (they call stable functions: unaccent,
-- array_to_string, concat_ws), each call ran through the SQL-function executor: at national size the
-- owners' address keys alone cost 13.6 s instead of 1.9 s (docs/benchmarks.md, "LOVAC import").
-- Same results, cheaper calls (checked on 1.9 M generated owners: no difference).

-- unaccent's own C entry point, in its one-argument form (the "unaccent" dictionary of the function's
-- schema). Creating a C function needs a superuser: the embedded database is one; elsewhere the SQL
-- wrapper of V1 stays (slower, same results).
do $$
begin
    if (select rolsuper from pg_roles where rolname = current_user) then
        execute $f$create or replace function public.immutable_unaccent(text) returns text
                   language c immutable strict parallel safe as '$libdir/unaccent', 'unaccent_dict'$f$;
    end if;
end
$$;

-- PL/pgSQL evaluates a single expression through its fast path, with no executor set-up per call.
create or replace function zlv_address_key(text[]) returns text
    language plpgsql immutable strict parallel safe
as $$ begin return public.immutable_unaccent(lower(array_to_string($1, ' '))); end $$;

create or replace function zlv_owner_keys(name_key text, administrator_key text, address_key text) returns text
    language plpgsql immutable parallel safe
as $$
begin
    return nullif(concat_ws('|', replace(name_key, '|', ' '), replace(administrator_key, '|', ' '),
                            replace(address_key, '|', ' ')), '');
end
$$;
