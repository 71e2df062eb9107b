-- Scratch tables of a LOVAC import's second connection (owner rows streamed in parallel with the dwellings, a
-- first load's owners worked out meanwhile): unlogged, recreated by each import, dropped once its transaction
-- has ended. Nothing the product reads lives here.
create schema if not exists lovac_scratch;
