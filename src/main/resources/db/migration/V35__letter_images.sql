-- Letter images (logos, signatures) as rows. The file <data folder>/letters/<key> holds the bytes.
-- A letter can only name an image that has a row (foreign keys), and an image row is deleted only
-- once no letter names it any more, before its file: a letter never points at a missing image, and
-- an image shared by several letters (a follow-up campaign, the establishment's defaults) stays.
create table letter_image (
    key              text primary key,
    establishment_id bigint not null references establishment (id) on delete cascade,
    size_bytes       bigint,
    created_at       timestamptz not null default now()
);
create index letter_image_by_establishment on letter_image (establishment_id);

-- the images letters already name (their files stay where they are)
insert into letter_image (key, establishment_id)
select distinct on (k.key) k.key, s.establishment_id
  from letter_settings s
 cross join lateral (values (s.logo1_key), (s.logo2_key), (s.signatory1_image_key), (s.signatory2_image_key)) as k (key)
 where k.key is not null
 order by k.key, s.id;

alter table letter_settings
    add constraint letter_settings_logo1_image foreign key (logo1_key) references letter_image (key),
    add constraint letter_settings_logo2_image foreign key (logo2_key) references letter_image (key),
    add constraint letter_settings_signatory1_image foreign key (signatory1_image_key) references letter_image (key),
    add constraint letter_settings_signatory2_image foreign key (signatory2_image_key) references letter_image (key);

-- "is this image still named by a letter?" and the foreign keys' checks when an image row is deleted
create index letter_settings_by_logo1 on letter_settings (logo1_key) where logo1_key is not null;
create index letter_settings_by_logo2 on letter_settings (logo2_key) where logo2_key is not null;
create index letter_settings_by_signatory1_image on letter_settings (signatory1_image_key) where signatory1_image_key is not null;
create index letter_settings_by_signatory2_image on letter_settings (signatory2_image_key) where signatory2_image_key is not null;
