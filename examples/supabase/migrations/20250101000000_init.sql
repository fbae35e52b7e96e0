-- Initial schema: users, auth tokens and the personal-data domains.
-- Column names in double quotes are camelCase in the database (legacy); see examples/VIOLATIONS.md.

-- Roles and auth.uid() exist on Supabase; create them only where they are missing (local Postgres, PGlite).
do $$
begin
  create role anon nologin;
exception when duplicate_object then null;
end $$;

do $$
begin
  create role authenticated nologin;
exception when duplicate_object then null;
end $$;

create schema if not exists auth;

do $$
begin
  if not exists (
    select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    create function auth.uid() returns uuid
      language sql stable
      as $fn$ select nullif(current_setting('request.jwt.claim.sub', true), '')::uuid $fn$;
  end if;
end $$;

-- users ---------------------------------------------------------------------

create table users (
  id uuid primary key not null,
  email text not null,
  name text,
  avatar_url text,
  "supabaseId" text unique,
  "isAdmin" boolean not null default false,
  "emailVerified" boolean default false,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);
create unique index users_email_key on users (email);

create table token (
  id serial primary key not null,
  "userId" uuid not null references users (id) on delete cascade,
  "emailToken" text,
  "accessToken" text,
  refresh_token text,
  provider text not null default 'email',
  expires_at timestamp(3),
  use_count integer not null default 0,
  created_at timestamp(3) not null default now()
);
create index token_user_id_idx on token ("userId");

-- bookmarks, chats, lists -----------------------------------------------------

create table bookmarks (
  id uuid primary key default gen_random_uuid(),
  "userId" uuid not null,
  url text not null,
  title text,
  description text,
  site_name text,
  image_url text,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now(),
  constraint "bookmarks_userId_fkey" foreign key ("userId") references users (id) on delete cascade,
  constraint bookmarks_user_id_url_key unique ("userId", url)
);
create index bookmarks_created_at_idx on bookmarks (created_at);

create table chats (
  id uuid primary key default gen_random_uuid(),
  "userId" uuid not null references users (id) on delete cascade,
  title text not null default 'New chat',
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);
create index chats_user_id_idx on chats ("userId");

create table chat_messages (
  id uuid primary key,
  "chatId" uuid not null references chats (id) on delete cascade,
  "userId" uuid not null references users (id) on delete cascade,
  "parentMessageId" uuid references chat_messages (id) on delete set null,
  role text not null,
  content text not null default '',
  tool_calls jsonb,
  created_at timestamp(3) not null default now()
);
create index chat_messages_chat_id_idx on chat_messages ("chatId", created_at);
create index chat_messages_user_id_idx on chat_messages ("userId");
create index chat_messages_parent_message_id_idx on chat_messages ("parentMessageId");

create table lists (
  id uuid primary key default gen_random_uuid(),
  "ownerId" uuid not null references users (id) on delete cascade,
  name text not null,
  description text,
  "isPublic" boolean not null default false,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);
create index lists_owner_id_idx on lists ("ownerId");

create table list_invites (
  id uuid primary key default gen_random_uuid(),
  list_id uuid not null references lists (id) on delete cascade,
  invited_user_id uuid references users (id) on delete set null,
  invited_email text not null,
  accepted boolean not null default false,
  created_at timestamp(3) not null default now()
);
create index list_invites_list_id_idx on list_invites (list_id);
create unique index list_invites_invited_user_id_list_id_idx on list_invites (invited_user_id, list_id);

-- health ----------------------------------------------------------------------

create table health (
  id serial primary key,
  user_id uuid not null references users (id) on delete cascade,
  date timestamp not null,
  activity_type text not null,
  duration integer,
  calories_burned integer,
  notes text,
  created_at timestamp not null default now()
);
create index health_user_id_date_idx on health (user_id, date);

-- career (own schema) ---------------------------------------------------------

create schema career;

create table career.companies (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  website text,
  industry text,
  created_at timestamp not null default now()
);

create table career.jobs (
  id uuid primary key default gen_random_uuid(),
  company_id uuid not null references career.companies (id) on delete cascade,
  title text not null,
  location text,
  posted_at timestamp
);
create index jobs_company_id_idx on career.jobs (company_id);

create table career.job_applications (
  id uuid primary key default gen_random_uuid(),
  company_id uuid references career.companies (id) on delete set null,
  job_id uuid references career.jobs (id) on delete set null,
  user_id uuid not null references users (id) on delete cascade,
  status text not null default 'applied',
  applied_at timestamp,
  created_at timestamp not null default now(),
  updated_at timestamp not null default now()
);

create table career.application_stages (
  id uuid primary key default gen_random_uuid(),
  job_application_id uuid not null references career.job_applications (id) on delete cascade,
  stage text not null,
  notes text,
  scheduled_at timestamp(3)
);
create index application_stages_job_application_id_idx on career.application_stages (job_application_id);

-- finance ---------------------------------------------------------------------

create type account_type as enum ('checking', 'savings', 'credit', 'investment', 'loan');

create table financial_institutions (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  url text,
  logo text,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);

create table plaid_items (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  institution_id uuid references financial_institutions (id),
  item_id text not null unique,
  access_token text not null,
  cursor text,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);
create index plaid_items_user_id_idx on plaid_items (user_id);

create table finance_accounts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  institution_id uuid references financial_institutions (id),
  plaid_item_id uuid references plaid_items (id) on delete set null,
  plaid_account_id text,
  name text not null,
  type account_type not null,
  balance numeric(12, 2) not null default '0',
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);
create index finance_accounts_user_id_idx on finance_accounts (user_id);
create unique index finance_accounts_plaid_account_id_idx on finance_accounts (plaid_account_id);

create table transactions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  from_account_id uuid references finance_accounts (id),
  to_account_id uuid references finance_accounts (id),
  amount numeric(12, 2) not null,
  description text,
  date date not null,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);
create index transactions_user_id_date_idx on transactions (user_id, date);

-- calendar --------------------------------------------------------------------

create table places (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  address text,
  latitude double precision,
  longitude double precision,
  created_at timestamp(3) not null default now()
);

create table people (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  name text not null,
  email text,
  created_at timestamp not null default now()
);
create index people_user_id_idx on people (user_id);

create table categories (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  parent_id uuid references categories (id) on delete set null,
  name text not null,
  color varchar(7)
);
create unique index categories_user_id_name_idx on categories (user_id, name);
create index categories_parent_id_idx on categories (parent_id);

create table events (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  place_id uuid references places (id) on delete set null,
  category_id uuid references categories (id) on delete set null,
  title text not null,
  description text,
  starts_at timestamp(6) not null,
  ends_at timestamp(3),
  all_day boolean not null default false,
  created_at timestamp(3) not null default now()
);
create index events_user_id_starts_at_idx on events (user_id, starts_at);
create index events_category_id_idx on events (category_id);

create table events_users (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  person_id uuid not null references people (id) on delete cascade,
  rsvp text
);

create table events_transactions (
  event_id uuid not null references events (id) on delete cascade,
  transaction_id uuid not null references transactions (id) on delete cascade,
  primary key (event_id, transaction_id)
);
create index events_transactions_transaction_id_idx on events_transactions (transaction_id);

-- notes -----------------------------------------------------------------------

create table notes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  title text not null,
  content text not null default '',
  tags jsonb not null default '[]'::jsonb,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);
create index notes_user_id_idx on notes (user_id);
