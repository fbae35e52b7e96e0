import { createClient } from '@supabase/supabase-js';

const supabase = createClient('http://localhost:54321', 'anon');

// Every member is a table the run knows: the renamed ones follow.
export type ClearableTable = 'comms_messages' | 'users' | 'comms_calls';

const CLEARABLE_TABLES = ['comms_messages', 'users'] as const;

export async function clearAll(): Promise<void> {
  for (const table of CLEARABLE_TABLES) await supabase.from(table).delete().neq('id', 0);
}

// One member is not a table: UI text, left to the review listing.
export type Tab = 'messages' | 'settings';
export const tabs = ['messages', 'settings'];

// A single string is no list.
export const only = ['messages'];
