-- Each structure's value of the month beside its running total (0009), for the dashboards' monthly top 10
-- (seed 000: INSi calls, DMP documents of the month): read in order of the month's value, each structure
-- looked up among the sites in view until ten are found, instead of adding up the month's values of
-- 20 000 structures and checking each against the referential. Null in a month without a value.
-- Rewritten with the running totals (src/store/cumulative-totals.ts).

alter table cumulative_total add column month_total numeric;
create index cumulative_total_month_rank on cumulative_total (indicator_id, period, month_total desc)
  where month_total is not null;
