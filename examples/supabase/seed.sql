-- Local development data (supabase db reset runs this after the migrations).

insert into users (id, email, name, "supabaseId", "isAdmin", "emailVerified") values
  ('00000000-0000-4000-8000-000000000001', 'ada@example.com', 'Ada', '00000000-0000-4000-8000-000000000001', true, true),
  ('00000000-0000-4000-8000-000000000002', 'grace@example.com', 'Grace', '00000000-0000-4000-8000-000000000002', false, false);

insert into feature_flags (key, description, enabled, rollout_percentage) values
  ('call_summaries', 'Summarize calls with the assistant', true, 100),
  ('scheduled_sms', 'Let users schedule outbound SMS', false, 0);

insert into workspace (id, owner_id, name, slug) values
  ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'Ada''s workspace', 'ada');

insert into workspace_members (workspace_id, user_id, role) values
  ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000001', 'owner'),
  ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-000000000002', 'member');

insert into calls (id, user_id, direction, phone_number, started_at, ended_at, duration_seconds) values
  ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-000000000001', 'inbound', '+15550100', '2025-01-20 09:00:00', '2025-01-20 09:04:12', 252);

insert into transcripts (id, call_id, full_text) values
  ('00000000-0000-4000-8000-0000000000d1', '00000000-0000-4000-8000-0000000000c1', 'Can we move the meeting to Friday?');

insert into transcript_segments (transcript_id, position, speaker, content, start_ms, end_ms) values
  ('00000000-0000-4000-8000-0000000000d1', 0, 'caller', 'Can we move the meeting to Friday?', 0, 2400);

insert into messages (user_id, call_id, channel, body) values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000c1', 'sms', 'Missed call follow-up: meeting moved to Friday'),
  ('00000000-0000-4000-8000-000000000002', null, 'email', 'Welcome to the app!');

insert into ai_jobs (user_id, call_id, kind, input) values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000c1', 'call_summary', '{"callId": "00000000-0000-4000-8000-0000000000c1"}');

insert into onboarding_status (user_id, current_step) values
  ('00000000-0000-4000-8000-000000000002', 'connect_phone');

insert into reminder_states (user_id, reminder_key) values
  ('00000000-0000-4000-8000-000000000002', 'verify_email');
