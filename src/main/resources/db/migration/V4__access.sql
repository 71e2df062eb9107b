-- Users, memberships, sign-in state, invitations, password resets, API tokens, mail outbox and the
-- audit log of personal-data access. Secrets (passwords, link tokens, API tokens) are stored hashed.

create table app_user (
    id              bigint generated always as identity primary key,
    email           text not null,
    first_name      text,
    last_name       text,
    password_hash   text,
    role            text not null check (role in ('USUAL', 'ADMIN', 'VISITOR')),
    suspended       boolean not null default false,
    failed_attempts int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
-- emails are compared case-insensitively everywhere
create unique index app_user_email_unique on app_user (lower(email));
create index app_user_search on app_user using gin (immutable_unaccent(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email)) gin_trgm_ops);

-- a user works for establishments in a given order: the first is the default active one
create table user_membership (
    user_id          bigint not null references app_user (id) on delete cascade,
    establishment_id bigint not null references establishment (id) on delete cascade,
    position         int    not null,
    created_at       timestamptz not null default now(),
    primary key (user_id, establishment_id)
);
create index user_membership_by_establishment on user_membership (establishment_id);

-- optional narrowing of one membership to some communes of the establishment (DOMAIN.md §8);
-- no row for a membership means the whole establishment perimeter
create table user_perimeter (
    user_id          bigint not null,
    establishment_id bigint not null,
    commune_code     text   not null references commune (code),
    primary key (user_id, establishment_id, commune_code),
    foreign key (user_id, establishment_id) references user_membership (user_id, establishment_id) on delete cascade
);

create table invitation (
    id               bigint generated always as identity primary key,
    token_hash       text not null unique,
    email            text not null,
    establishment_id bigint not null references establishment (id) on delete cascade,
    role             text not null check (role in ('USUAL', 'ADMIN', 'VISITOR')),
    invited_by       bigint references app_user (id) on delete set null,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    used_at          timestamptz
);
create index invitation_by_email on invitation (lower(email));

create table password_reset (
    id         bigint generated always as identity primary key,
    token_hash text not null unique,
    user_id    bigint not null references app_user (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- establishment_id null: the token acts nationally (ADMIN and VISITOR tokens)
create table api_token (
    id               bigint generated always as identity primary key,
    token_hash       text not null unique,
    name             text not null,
    user_id          bigint not null references app_user (id) on delete cascade,
    establishment_id bigint references establishment (id) on delete cascade,
    created_at       timestamptz not null default now(),
    last_used_at     timestamptz,
    revoked_at       timestamptz
);
create index api_token_by_user on api_token (user_id);

-- every mail is kept: SENT over SMTP, KEPT when no SMTP server is configured, FAILED when sending failed
create table mail_outbox (
    id         bigint generated always as identity primary key,
    recipient  text not null,
    subject    text not null,
    body       text not null,
    status     text not null check (status in ('SENT', 'KEPT', 'FAILED')),
    error      text,
    created_at timestamptz not null default now(),
    sent_at    timestamptz
);
create index mail_outbox_by_date on mail_outbox (created_at desc);

-- who read which owner's personal data, when (tax data under a legal purpose restriction)
create table personal_data_access (
    id               bigint generated always as identity primary key,
    user_id          bigint references app_user (id) on delete set null,
    establishment_id bigint references establishment (id) on delete set null,
    accessed_at      timestamptz not null default now(),
    action           text not null,
    subject_kind     text not null,
    subject_id       text not null
);
create index personal_data_access_by_subject on personal_data_access (subject_kind, subject_id);
create index personal_data_access_by_user on personal_data_access (user_id, accessed_at);

-- sessions are indexed by principal name (the user's email): V1's 100 characters are too short
alter table spring_session alter column principal_name type varchar(320);
