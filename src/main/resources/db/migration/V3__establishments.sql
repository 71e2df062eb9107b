-- Establishments (structures) and their perimeter of communes, derived from the reference geography
-- (a commune itself, an EPCI its members, a département or région its communes) or hand-made.
create table establishment (
    id         bigint generated always as identity primary key,
    siren      text unique,
    name       text not null,
    kind       text not null,
    geo_code   text,
    active     boolean not null default true,
    created_at timestamptz not null default now(),
    unique (kind, geo_code)
);
create index establishment_name_search on establishment using gin (immutable_unaccent(lower(name)) gin_trgm_ops);

create table establishment_commune (
    establishment_id bigint not null references establishment (id) on delete cascade,
    commune_code     text   not null references commune (code),
    primary key (establishment_id, commune_code)
);
create index establishment_commune_by_commune on establishment_commune (commune_code);
