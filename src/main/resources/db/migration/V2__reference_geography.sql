-- Reference geography (open data, see resources/reference/SOURCES.md). The tables are filled and
-- refreshed by ReferenceDataManagement at each start, not by migrations: the files change every year.

-- Accent-, case- and punctuation-insensitive key for name searches ("saint etienne" finds
-- "Saint-Étienne"). Immutable so that expression indexes can use it; schema-qualified because index
-- builds run with a restricted search_path.
create or replace function zlv_search_key(text) returns text
    language sql immutable parallel safe strict
    as $$ select trim(regexp_replace(public.immutable_unaccent(lower($1)), '[^a-z0-9]+', ' ', 'g')) $$;

create table region (
    code text primary key,
    name text not null,
    zone text not null
);

create table departement (
    code   text primary key,
    name   text not null,
    region text not null references region (code),
    zone   text not null
);
create index departement_by_region on departement (region);

create table epci (
    siren      text primary key,
    name       text not null,
    kind       text not null,
    population integer
);
create index epci_name_search on epci using gin (zlv_search_key(name) gin_trgm_ops);

create table commune (
    code         text primary key,
    name         text not null,
    zone         text not null,
    departement  text not null references departement (code),
    region       text not null references region (code),
    epci_siren   text references epci (siren),
    siren        text,
    population   integer,
    postal_codes text[] not null default '{}',
    -- approximate centre (WGS84), from commune_centroids.csv; null for recent mergers
    longitude    double precision,
    latitude     double precision
);
create index commune_by_departement on commune (departement);
create index commune_by_region on commune (region);
create index commune_by_epci on commune (epci_siren);
create index commune_by_siren on commune (siren);
create index commune_name_search on commune using gin (zlv_search_key(name) gin_trgm_ops);

-- Paris, Lyon and Marseille: tax files locate dwellings by arrondissement code.
create table arrondissement (
    code       text primary key,
    name       text not null,
    commune    text not null references commune (code),
    population integer
);
create index arrondissement_by_commune on arrondissement (commune);

create table commune_programme (
    commune_code text primary key references commune (code),
    acv          boolean not null,
    pvd          boolean not null,
    ort          boolean not null
);

-- Keyed by the code of the source (an arrondissement or a commune); commune_code is the resolved commune.
-- tax_kind is data (TLV, THLV today), not an enum: the law changes.
create table vacancy_tax (
    code         text primary key,
    commune_code text not null references commune (code),
    tax_kind     text not null,
    rate_percent numeric(6, 2)
);
create index vacancy_tax_by_commune on vacancy_tax (commune_code);

create table zonage_abc (
    commune_code text primary key references commune (code),
    zone         text not null
);

-- Simplified contours of mainland départements, GeoJSON geometry text as published.
create table departement_contour (
    code     text primary key references departement (code),
    geometry text not null
);
