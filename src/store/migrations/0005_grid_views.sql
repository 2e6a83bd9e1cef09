-- Saved views of the tracking grid: a name and the canonical URL query of /suivi (filters, thresholds,
-- columns, sort, period, comparison), personal to its owner or shared with a région. Who sees and who
-- changes a view is decided in src/domain/access/view-permissions.ts.

create table grid_view (
  id integer generated always as identity primary key,
  -- Deleting an account (GDPR) deletes its views, the shared ones too: a view carries no one's data.
  owner_id integer not null references app_user (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  -- Null: personal; otherwise every user whose scopes lie in or cover this région sees it.
  region_code text references region (code),
  -- Without the leading `?`; empty for the default view. Validated against the grid's contract on write.
  query text not null check (char_length(query) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One name per owner, whatever its case: « EHPAD en alerte » and « ehpad en alerte » would be confused.
create unique index grid_view_owner_name on grid_view (owner_id, lower(name));
create index grid_view_region on grid_view (region_code) where region_code is not null;
