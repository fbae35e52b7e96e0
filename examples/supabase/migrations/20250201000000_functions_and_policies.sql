-- Database functions, triggers and row level security for the inbox and the assistant.

-- Unread inbox count, used by the badge in the web app (supabase.rpc('count_unread_messages')).
create or replace function count_unread_messages(uid uuid)
returns integer
language plpgsql
stable
as $$
declare
  unread integer;
begin
  select count(*) into unread
  from messages m
  where m.user_id = uid
    and m.read_at is null;
  return unread;
end;
$$;

-- Keeps updated_at current on every update.
create or replace function set_updated_at()
returns trigger
language plpgsql
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

create trigger ai_jobs_set_updated_at
  before update on ai_jobs
  for each row execute function set_updated_at();

create trigger feature_flags_set_updated_at
  before update on feature_flags
  for each row execute function set_updated_at();

-- Meter every outbound message.
create or replace function log_message_usage()
returns trigger
language plpgsql
as $$
begin
  insert into usage_logs (user_id, request_id, feature, units)
  values (new.user_id, gen_random_uuid(), 'messages.send', 1);
  return new;
end;
$$;

create trigger messages_log_usage
  after insert on messages
  for each row execute function log_message_usage();

-- Users see and update only their own messages.
alter table messages enable row level security;

create policy "Users read own messages" on messages
  for select to authenticated
  using (user_id = auth.uid());

create policy "Users mark own messages read" on messages
  for update to authenticated
  using (user_id = auth.uid())
  with check (user_id = auth.uid());

grant select, update on messages to authenticated;
grant execute on function count_unread_messages(uuid) to authenticated;
