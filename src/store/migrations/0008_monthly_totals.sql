-- The dashboards' monthly sums of counts (INSi calls, DMP documents, MSSanté messages; issue 7 §6), kept
-- by the imports so that a national dashboard adds up a few thousand rows instead of joining a year of
-- observations (3 million values) to the structures of 95 000 open sites.
--
-- Each value counts once, at the level it was reported at, from the current imports, a national file's
-- winning over a tracker's (src/store/dashboard-totals.ts says the same for the live query). A structure's
-- "footprint" is the place of its open sites: région, département, sector and category.
--   - Structures whose open sites share one footprint are added up per footprint and level: finess null.
--   - A structure whose open sites lie in several footprints (an EJ with an EHPAD and a SSIAD…) keeps one
--     row of its own, footprint null: a filter on one of them must count it once, and only if one of its
--     sites is in view. Its régions, départements and categories narrow that search.
--   - monthly_national_total: the sum of all of them, for the national view without filters.
-- Structures without an open site are not counted, as on the grid's default view.
-- Rewritten by src/store/monthly-totals.ts in the transaction of every import that changes its inputs.

create table monthly_total (
  period date not null,
  indicator_id smallint not null references indicator (id),
  region text,
  departement text,
  sector text,
  category_code text,
  level text not null check (level in ('EG', 'EJ', 'PMSI')),
  finess text,
  regions text[],
  departements text[],
  categories text[],
  total numeric not null
);
create index monthly_total_period on monthly_total (period, indicator_id);
create index monthly_total_region on monthly_total (region, period);
create index monthly_total_departement on monthly_total (departement, period);
create index monthly_total_category on monthly_total (category_code, period);
create index monthly_total_regions on monthly_total using gin (regions);

create table monthly_national_total (
  period date not null,
  indicator_id smallint not null references indicator (id),
  total numeric not null,
  primary key (period, indicator_id)
);
