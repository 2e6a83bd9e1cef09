-- The establishment referential: geography, nomenclatures, FINESS sites and their history.

create table region (
  code text primary key,
  name text not null
);

create table departement (
  code text primary key,
  name text not null,
  region_code text not null references region (code)
);

-- TRE_R66 categories and TRE_R63/R64/R65 aggregates, closed codes kept and flagged.
create table category (
  code text primary key,
  label text not null,
  -- The level-3 aggregate the category belongs to, for sources that give the category alone (FiNESS+).
  aggregate_code text,
  valid_from date,
  valid_to date,
  closed boolean not null
);

create table category_aggregate (
  code text primary key,
  level smallint not null check (level between 1 and 3),
  label text not null,
  valid_from date,
  valid_to date,
  closed boolean not null
);

-- Every file received, as received: its bytes (gzip-compressed) and their sha256.
create table source_file (
  id integer generated always as identity primary key,
  file_name text not null,
  sha256 text not null,
  size_bytes bigint not null,
  content_gzip bytea not null,
  received_at timestamptz not null default now()
);

create table finess_import (
  id integer generated always as identity primary key,
  source_file_id integer not null references source_file (id),
  format text not null,
  extract_number integer,
  extract_date date,
  encoding text,
  strict boolean not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  -- Counts of the report; the detail of every rejected or warned row is in finess_import_issue.
  lines_read integer not null default 0,
  sites_read integer not null default 0,
  created_count integer not null default 0,
  changed_count integer not null default 0,
  unchanged_count integer not null default 0,
  closed_count integer not null default 0,
  reopened_count integer not null default 0,
  rejected_count integer not null default 0,
  warning_count integer not null default 0,
  legal_entities_count integer not null default 0,
  groups_count integer not null default 0
);

create table finess_import_issue (
  import_id integer not null references finess_import (id),
  line integer not null,
  severity text not null check (severity in ('rejected', 'warning')),
  code text not null,
  field text,
  finess text,
  value text,
  message text not null
);
create index finess_import_issue_import on finess_import_issue (import_id, line);

-- Legal entities (FINESS EJ). The etalab extract names them only by number; FiNESS+ carries their details.
create table legal_entity (
  finess_ej text primary key,
  name text,
  name_long text,
  siren text,
  legal_status text,
  ape_code text,
  created_on date,
  closed_on date,
  commune_code text,
  postal_code text,
  city text,
  last_import_id integer references finess_import (id)
);

create table site (
  finess_eg text primary key,
  finess_ej text not null,
  name text not null,
  name_long text,
  name_complement text,
  distribution_complement text,
  street_number text,
  street_type text,
  street_name text,
  street_complement text,
  lieu_dit_bp text,
  commune_code text,
  postal_code text,
  city text,
  source_departement text,
  departement text,
  region text,
  phone text,
  fax text,
  category_code text,
  category_label text,
  aggregate_code text,
  aggregate_label text,
  sector text not null check (sector in ('sanitaire', 'medico-social', 'social', 'autre')),
  siret text,
  ape_code text,
  mft_code text,
  mft_label text,
  sph_code text,
  sph_label text,
  opened_on date,
  authorized_on date,
  updated_on date,
  coord_x double precision,
  coord_y double precision,
  coord_source text,
  coord_updated_on date,
  latitude double precision,
  longitude double precision,
  key_valid boolean not null,
  finess_pmsi_computed text,
  -- Set by a user when the rule of RULES §1 does not fit (a private group reporting under one number).
  finess_pmsi_override text,
  closed_on date,
  -- Import ids without a foreign key: a national import inserts 100 000 rows at once, and a per-row check
  -- against finess_import (rows that the same transaction created) costs more than it protects.
  closed_by_import_id integer,
  created_by_import_id integer not null
);
create index site_finess_ej on site (finess_ej);
create index site_region on site (region, departement);
create index site_departement on site (departement);
create index site_category on site (category_code);

-- What changed on a site, import after import. `changes` maps a field to {"before": …, "after": …}.
-- A change comes from an import (import_id) or from a person (actor, with a note), never silently.
create table site_change (
  id integer generated always as identity primary key,
  finess_eg text not null references site (finess_eg),
  import_id integer references finess_import (id),
  kind text not null check (kind in ('changed', 'closed', 'reopened', 'pmsi-override')),
  changes jsonb not null default '{}'::jsonb,
  recorded_at timestamptz not null default now(),
  actor text,
  note text,
  check ((import_id is null) <> (actor is null))
);
create index site_change_site on site_change (finess_eg, id);
create index site_change_import on site_change (import_id);

-- Groupings published by FiNESS+ (GHT-like `gcc` groups) and their members.
create table grouping (
  id text primary key,
  kind text not null,
  type_code text,
  name text,
  external_id text,
  state text,
  last_import_id integer references finess_import (id)
);

create table grouping_member (
  grouping_id text not null references grouping (id),
  finess text not null,
  level text not null check (level in ('EJ', 'EG')),
  role text,
  primary key (grouping_id, finess)
);
