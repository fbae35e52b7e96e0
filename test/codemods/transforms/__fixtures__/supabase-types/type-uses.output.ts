import type { Database, Tables, TablesInsert, TablesUpdate } from '../types/database.types.js';

export type InboxMessage = Tables<'comms_messages'>;
export type NewMessage = TablesInsert<"comms_messages">;
export type MessagePatch = TablesUpdate<'comms_messages'>;
export type Job = Tables<{ schema: 'career' }, 'job_postings'>;
export type PublicJob = Tables<'jobs'>;
export type CallRow = Database['public']['Tables']['comms_calls']['Row'];
export type Phone = Database['public']['Tables']['comms_calls']['Row']['phone'];
export type Admin = Database['public']['Tables']['users']['Insert']['is_admin'];
export type Other = Database['public']['Tables']['users']['Row']['phone_number'];
export type CallKind = Database['public']['Enums']['calls'];
export const MESSAGES_TAB = 'messages';
