-- Calls, messaging, the assistant's job queue, and platform/system tables.

create type call_direction as enum ('inbound', 'outbound');
create type ai_job_status as enum ('queued', 'running', 'succeeded', 'failed');

-- calls -----------------------------------------------------------------------

create table calls (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  direction call_direction not null,
  phone_number text not null,
  provider_call_id text unique,
  started_at timestamp(3),
  ended_at timestamp(3),
  duration_seconds integer,
  created_at timestamp(3) not null default now()
);
create index calls_user_id_created_at_idx on calls (user_id, created_at);

create table transcripts (
  id uuid primary key default gen_random_uuid(),
  call_id uuid not null,
  language text not null default 'en',
  full_text text,
  created_at timestamp(3) not null default now(),
  constraint transcripts_call_id_fkey foreign key (call_id) references calls (id) on delete cascade
);
create unique index transcripts_call_id_idx on transcripts (call_id);

create table transcript_segments (
  id uuid primary key default gen_random_uuid(),
  transcript_id uuid not null references transcripts (id) on delete cascade,
  position integer not null,
  speaker text not null,
  content text not null,
  start_ms integer not null,
  end_ms integer not null,
  confidence real
);
create unique index transcript_segments_transcript_id_position_idx on transcript_segments (transcript_id, position);

-- messages --------------------------------------------------------------------

create table messages (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  call_id uuid references calls (id) on delete set null,
  channel text not null default 'sms',
  body text not null,
  read_at timestamp(3),
  created_at timestamp(3) not null default now()
);
create index messages_user_id_created_at_idx on messages (user_id, created_at);
create index messages_call_id_idx on messages (call_id);

create table scheduled_messages (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  message_id uuid unique references messages (id) on delete cascade,
  send_at timestamp(3) not null,
  status text not null default 'pending',
  created_at timestamp(3) not null default now()
);
create index scheduled_messages_user_id_send_at_idx on scheduled_messages (user_id, send_at);

-- assistant -------------------------------------------------------------------

create table ai_jobs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  call_id uuid references calls (id) on delete set null,
  kind text not null,
  status ai_job_status not null default 'queued',
  input jsonb not null,
  output jsonb,
  error text,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now(),
  completed_at timestamp(3)
);
create index ai_jobs_user_id_status_idx on ai_jobs (user_id, status);
create index ai_jobs_call_id_idx on ai_jobs (call_id);
create index ai_jobs_queued_idx on ai_jobs (created_at) where status = 'queued';

-- system ----------------------------------------------------------------------

create table feature_flags (
  id uuid primary key default gen_random_uuid(),
  key text not null unique,
  description text,
  enabled boolean not null default false,
  rollout_percentage integer not null default 0,
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);

create table rate_limits (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  bucket text not null,
  window_start timestamp(3) not null,
  request_count integer not null default 0
);
create unique index rate_limits_user_id_bucket_window_idx on rate_limits (user_id, bucket, window_start);

create table usage_logs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  request_id uuid not null,
  feature text not null,
  units integer not null default 1,
  created_at timestamp(3) not null default now()
);
create index usage_logs_user_id_created_at_idx on usage_logs (user_id, created_at);

create table reset_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  expires_at timestamp(3) not null,
  used_at timestamp(3),
  created_at timestamp(3) not null default now()
);
create index reset_tokens_user_id_idx on reset_tokens (user_id);

-- workspace -------------------------------------------------------------------

create table workspace (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null,
  name text not null,
  slug text not null unique,
  plan text not null default 'free',
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now(),
  constraint workspace_owner_id_fkey foreign key (owner_id) references users (id) on delete cascade
);
create index workspace_owner_id_idx on workspace (owner_id);

create table workspace_members (
  workspace_id uuid not null references workspace (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  role text not null default 'member',
  created_at timestamp(3) not null default now(),
  primary key (workspace_id, user_id)
);
create index workspace_members_user_id_idx on workspace_members (user_id);

-- onboarding & reminders --------------------------------------------------------

create table onboarding_status (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique references users (id) on delete cascade,
  current_step text not null default 'welcome',
  completed boolean not null default false,
  completed_at timestamp(3),
  created_at timestamp(3) not null default now(),
  updated_at timestamp(3) not null default now()
);

create table reminder_states (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  reminder_key text not null,
  times_shown integer not null default 0,
  snoozed_until timestamp(3),
  dismissed_at timestamp(3),
  updated_at timestamp(3) not null default now()
);
create index reminder_states_user_id_reminder_key_idx on reminder_states (user_id, reminder_key);
