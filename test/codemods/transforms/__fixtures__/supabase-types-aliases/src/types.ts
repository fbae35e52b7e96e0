import type { Database } from './database.types';

export type Table<T extends keyof Database['public']['Tables']> = Database['public']['Tables'][T]['Row'];
export type TableInsert<T extends keyof Database['public']['Tables'], Extra = object> = Database['public']['Tables'][T]['Insert'] & Extra;
export type BillingRow<T extends keyof Database['billing']['Tables']> = Database['billing']['Tables'][T]['Row'];
export type TableName = keyof Database['public']['Tables'];
export type Labelled<Label extends string> = { label: Label };
export * from './row-helpers';
