-- Monthly national sources: the indicator catalogue, each import of a source file for a month with its
-- report, the observations it gave, and the indicators derived from them.

-- Mirrors src/domain/observations (the code is the truth; prepareStore syncs it). Observations refer to
-- an indicator by a small id: a national history holds hundreds of millions of them.
create table indicator (
  id smallint generated always as identity primary key,
  code text not null unique,
  label text not null,
  theme text not null,
  kind text not null,
  unit text
);

-- A header mapping saved by a user for a file whose headers differ from the documented ones.
create table source_mapping (
  id integer generated always as identity primary key,
  source text not null,
  name text not null,
  -- column key → header as written in the file
  headers jsonb not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  unique (source, name)
);

create table source_import (
  id integer generated always as identity primary key,
  source text not null,
  -- The month the import is for (first day); observations carry their own month (a tracker's themes differ).
  period date not null,
  source_file_id integer not null references source_file (id),
  format text not null,
  encoding text,
  sheet text,
  header_line integer,
  -- The headers found, by column key, and the saved mapping used if any: what was read, for audit.
  columns jsonb not null,
  mapping_name text,
  actor text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  -- Re-importing a source for a month replaces the previous import; both stay in the history.
  replaces_import_id integer references source_import (id),
  replaced_by_import_id integer references source_import (id),
  rows_read integer not null default 0,
  rows_rejected integer not null default 0,
  structures integer not null default 0,
  observations integer not null default 0,
  added_count integer not null default 0,
  changed_count integer not null default 0,
  removed_count integer not null default 0,
  unchanged_count integer not null default 0,
  warning_count integer not null default 0,
  rejected_count integer not null default 0
);
create index source_import_source_period on source_import (source, period);
-- At most one current import per source and month (an import becomes current when it finishes).
create unique index source_import_current on source_import (source, period)
  where replaced_by_import_id is null and finished_at is not null;

create table source_import_issue (
  import_id integer not null references source_import (id),
  line integer not null,
  severity text not null check (severity in ('rejected', 'warning')),
  code text not null,
  field text,
  finess text,
  value text,
  message text not null
);
create index source_import_issue_import on source_import_issue (import_id, line);

-- The values of current imports (a replaced import's values are deleted with the replacement; its raw file
-- and report stay). No foreign keys: a national month is a million rows written by one COPY.
create table observation (
  import_id integer not null,
  indicator_id smallint not null,
  level text not null,
  finess text not null,
  period date not null,
  value_number numeric,
  value_text text,
  numerator numeric,
  denominator numeric,
  primary key (import_id, indicator_id, level, finess, period)
);
create index observation_structure on observation (finess, period);

-- Indicators computed by the rules engine from the observations, per structure and month, recomputed
-- after each import. The explanation is recomputed on demand from the same observations.
create table derived_observation (
  period date not null,
  indicator_id smallint not null,
  level text not null,
  finess text not null,
  value_number numeric,
  value_text text,
  numerator numeric,
  denominator numeric,
  primary key (period, indicator_id, level, finess)
);
create index derived_observation_structure on derived_observation (finess, period);
