-- The search box's trigram index (V28) covered the address and the owners' texts as one expression. It was the
-- longest step of a national load (~1 min, single-threaded in PostgreSQL 17, after the commit). One index per
-- text holds the same trigrams, and a load builds both at once on its two index builders (ADR 0004, decision
-- 12). The search still asks for every word in one text: in the address, or in one owner's name,
-- administrator or address.
create index housing_address_search on housing using gin (address_key gin_trgm_ops);
create index housing_owners_search on housing using gin (owners_key gin_trgm_ops);
drop index housing_search;
