import type { Database, Tables, TablesInsert, TablesUpdate } from '../types/database.types.js';

export type InboxMessage = Tables<'messages'>;
export type NewMessage = TablesInsert<"messages">;
export type MessagePatch = TablesUpdate<'messages'>;
export type Job = Tables<{ schema: 'career' }, 'jobs'>;
export type PublicJob = Tables<'jobs'>;
export type CallRow = Database['public']['Tables']['calls']['Row'];
export type Phone = Database['public']['Tables']['calls']['Row']['phone_number'];
export type Admin = Database['public']['Tables']['users']['Insert']['isAdmin'];
export type Other = Database['public']['Tables']['users']['Row']['phone_number'];
export type CallKind = Database['public']['Enums']['calls'];
export const MESSAGES_TAB = 'messages';
