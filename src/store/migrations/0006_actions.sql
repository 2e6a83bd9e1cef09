-- The follow-up log of each establishment (contacts, meetings, reminders, visits: a next step, a due date
-- and a person in charge), for regional steering; and the API tokens with which a regional CRM reads and
-- writes it. Kinds, statuses, themes and lengths are those of src/domain/actions/kinds.ts.

create table follow_up_action (
  id integer generated always as identity primary key,
  finess text not null references site (finess_eg),
  kind text not null check (kind in ('contact', 'reunion', 'relance', 'visite', 'autre')),
  subject text not null check (char_length(subject) between 1 and 200),
  notes text check (char_length(notes) <= 4000),
  next_step text check (char_length(next_step) <= 500),
  due_on date check (due_on between date '2020-01-01' and date '2100-12-31'),
  status text not null default 'a_faire' check (status in ('a_faire', 'fait', 'abandonne')),
  theme text check (theme in ('segur', 'sih', 'insi', 'dmp', 'mssante', 'programmes', 'esms')),
  -- The person in charge. Deleting an account (GDPR) keeps the action, without its owner.
  owner_id integer references app_user (id) on delete set null,
  created_by integer references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A CRM's own identifier of the action, so that it writes it again without making a second one.
  external_source text check (external_source ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
  external_id text check (char_length(external_id) between 1 and 120),
  check ((external_source is null) = (external_id is null))
);
create unique index follow_up_action_external on follow_up_action (external_source, external_id)
  where external_source is not null;
create index follow_up_action_finess on follow_up_action (finess, created_at);
create index follow_up_action_due on follow_up_action (due_on) where status = 'a_faire';
create index follow_up_action_owner on follow_up_action (owner_id);

-- A machine's key to the API (`Authorization: Bearer …`): it acts as one account, with that account's
-- role and scopes. Only the sha256 of the token is kept, as for sessions: it is shown once, at creation.
create table api_token (
  id integer generated always as identity primary key,
  name text not null check (char_length(name) between 1 and 80),
  token_hash text not null unique,
  user_id integer not null references app_user (id) on delete cascade,
  created_by integer references app_user (id) on delete set null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  expires_at timestamptz not null,
  revoked_at timestamptz
);
-- The journal names a token by its account and its name: one live token of a name per account.
create unique index api_token_live_name on api_token (user_id, lower(name)) where revoked_at is null;
