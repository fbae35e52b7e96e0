-- pgTAP checks, run with `supabase test db`.
begin;
select plan(12);

select has_table('users');
select has_column('users', 'isAdmin');
select has_column('users', 'emailVerified');
select has_table('messages');
select has_table('scheduled_messages');
select has_table('calls');
select has_table('transcripts');
select has_table('transcript_segments');
select has_table('ai_jobs');
select has_table('feature_flags');
select has_table('workspace');
select has_function('count_unread_messages', array['uuid']);

select * from finish();
rollback;
