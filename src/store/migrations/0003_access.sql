-- Accounts, roles and scopes, sessions, OpenID Connect sign-ins in progress, values typed by people, and
-- the audit journal. The server keeps no state of its own: all of this lives here (DESIGN.md).

create table app_user (
  id integer generated always as identity primary key,
  -- Lower-cased; the sign-in name of local accounts and the link to an OpenID Connect identity.
  email text not null unique,
  display_name text not null,
  role text not null check (role in ('admin', 'national', 'regional', 'establishment', 'observer')),
  organisation text,
  -- argon2id; null for an account that signs in only through OpenID Connect.
  password_hash text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table user_scope (
  user_id integer not null references app_user (id) on delete cascade,
  kind text not null check (kind in ('france', 'region', 'departement', 'ght', 'ej', 'eg')),
  code text not null,
  primary key (user_id, kind, code)
);

-- An identity at an OpenID Connect provider (ProConnect, Pro Santé Connect) tied to an account.
create table user_identity (
  provider text not null,
  subject text not null,
  user_id integer not null references app_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (provider, subject)
);

-- The cookie holds a random token; only its sha256 is stored, so a copy of the database opens no session.
create table user_session (
  token_hash text primary key,
  user_id integer not null references app_user (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user on user_session (user_id);

-- Failed sign-ins, to slow down password guessing per account and per address.
create table login_failure (
  key text not null,
  failed_at timestamptz not null default now()
);
create index login_failure_key on login_failure (key, failed_at);

-- An OpenID Connect sign-in between the redirection to the provider and its return.
create table oidc_pending (
  state text primary key,
  provider text not null,
  nonce text not null,
  code_verifier text not null,
  return_to text not null,
  created_at timestamptz not null default now()
);

-- What people type (météo, comments, declarations): one value per structure, field and follow-up month.
create table field_entry (
  finess text not null,
  indicator_id smallint not null references indicator (id),
  period date not null,
  value_text text,
  entered_by integer references app_user (id) on delete set null,
  entered_at timestamptz not null default now(),
  primary key (finess, indicator_id, period)
);

-- Every write: who, when, what, before and after. Rows are only ever added (triggers below).
create table audit_event (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  -- The account id is kept as a number, not a reference: deleting an account (GDPR) keeps its journal.
  actor_id integer,
  actor_label text not null,
  action text not null,
  entity_kind text not null,
  entity_id text,
  finess text,
  field text,
  period date,
  before jsonb,
  after jsonb
);
create index audit_event_finess on audit_event (finess, at);
create index audit_event_actor on audit_event (actor_id, at);
create index audit_event_at on audit_event (at);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'le journal d''audit ne se modifie pas et ne se supprime pas';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_append_only();
