import type { Database } from './src/database.types';

type PublicSchema = Database[Extract<keyof Database, 'public'>];
type Row<T extends keyof (PublicSchema['Tables'] & PublicSchema['Views'])> = (PublicSchema['Tables'] & PublicSchema['Views'])[T]['Row'];
type Audited = 'draft_posts' | 'audit_events';
type AuditTrail<Name extends Audited> = { table: Name; at: string };
type Helper<
  Options extends keyof PublicSchema['Tables'] | { schema: keyof Database },
  Name extends string = never,
> = [Options, Name];
type BySchema<S extends keyof Database, T extends keyof Database[S]['Tables']> = Database[S]['Tables'][T];
type Labels<K extends 'draft_posts' | 'drafts'> = K;

export type Post = Row<'draft_posts'>;
export type Trail = AuditTrail<'audit_events'>;
export type Invoice = Helper<{ schema: 'billing' }, 'invoices'>;
export type Draft = Helper<'draft_posts'>;
export type Dynamic = BySchema<'public', 'draft_posts'>;
export type Label = Labels<'draft_posts'>;
