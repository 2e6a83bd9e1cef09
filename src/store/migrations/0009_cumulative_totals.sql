-- The cumulative counts the dashboards rank structures by (seed 000: INSi calls since the start), kept by
-- the imports (src/store/cumulative-totals.ts): for each structure, from its first month with a value, the
-- sum of its values once (as in 0008) up to each month. Ranking at a month then reads that month's rows in
-- order instead of adding up every month of history for 30 000 structures.
-- Where a structure lies does not matter here: the sites in view are looked up when ranking, through the
-- site's indexes, the FINESS PMSI's included below.

create table cumulative_total (
  indicator_id smallint not null references indicator (id),
  period date not null,
  level text not null check (level in ('EG', 'EJ', 'PMSI')),
  finess text not null,
  total numeric not null,
  primary key (indicator_id, period, level, finess)
);
create index cumulative_total_rank on cumulative_total (indicator_id, period, total desc);

create index site_finess_pmsi on site ((coalesce(finess_pmsi_override, finess_pmsi_computed)));
