-- Saved priority lists (issue 7 §3): a name, the chosen criteria with their weights and parameters, personal
-- to its owner or shared with a région like the grid's saved views (src/domain/access/view-permissions.ts
-- decides who sees and changes one).

create table priority_list (
  id integer generated always as identity primary key,
  -- Deleting an account (GDPR) deletes its lists, the shared ones too: a list carries no one's data.
  owner_id integer not null references app_user (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  -- Null: personal; otherwise every user whose scopes lie in or cover this région sees it.
  region_code text references region (code),
  -- [{ "id": criterion, "weight": n, "parameters": { "months": n } }], checked against the criteria table
  -- (src/domain/contract/priorities.ts) when written and when read.
  criteria jsonb not null check (jsonb_typeof(criteria) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One name per owner, whatever its case.
create unique index priority_list_owner_name on priority_list (owner_id, lower(name));
create index priority_list_region on priority_list (region_code) where region_code is not null;
