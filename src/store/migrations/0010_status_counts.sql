-- The dashboards' counts of sites per value of a column (statuses, Ségur orders and VA signed, INS started;
-- issue 7 §6), kept by the imports so that a national dashboard adds up a few thousand rows instead of
-- resolving 20 columns for 95 000 sites at each of 12 follow-up points (800 000 values).
--
-- A row is the number of open sites of one footprint (région, département, sector, category) whose value
-- in the column of `indicator_id`, read at `period` as the grid reads it, is `value`: the site's own, else
-- its legal entity's, else its FINESS PMSI's; the month's national file winning over a tracker's. Values
-- typed by people are not kept (they change at any moment and are few); sites without a value are the
-- rest of the sites in view. status_national_count adds up the footprints, for the national view.
-- Rewritten by src/app/status-counts.ts in the transaction of every change to its inputs.

create table status_count (
  period date not null,
  indicator_id smallint not null references indicator (id),
  region text,
  departement text,
  sector text,
  category_code text,
  value text not null,
  sites integer not null
);
create index status_count_period on status_count (indicator_id, period);
create index status_count_region on status_count (region, indicator_id, period);
create index status_count_departement on status_count (departement, indicator_id, period);
create index status_count_category on status_count (category_code, indicator_id, period);

create table status_national_count (
  period date not null,
  indicator_id smallint not null references indicator (id),
  value text not null,
  sites integer not null,
  primary key (indicator_id, period, value)
);
