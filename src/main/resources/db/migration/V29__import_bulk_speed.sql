-- LOVAC import speed at national scale (issue 3, docs/benchmarks.md "LOVAC import").
--
-- 1. The owner trigram indexes are no longer read: the housing list searches the owners' texts copied
--    onto housing (V28, housing.owners_key). Keeping them cost ~26 s of index build per national load.
drop index if exists owner_name_search;
drop index if exists owner_administrator_search;
drop index if exists owner_address_search;

-- 2. housing (commune_code) is the prefix of housing_by_commune_status_owner (V28): redundant.
drop index if exists housing_by_commune;

-- 3. A bulk load writes the links first, then each new dwelling once with its primary owner already
--    copied (V28 columns), instead of inserting it and rewriting it when its links arrive. The link's
--    reference to its dwelling is therefore checked at commit during an import (`set constraints …
--    deferred`); everywhere else it stays checked at once.
alter table ownership alter constraint ownership_housing_id_fkey deferrable initially immediate;
