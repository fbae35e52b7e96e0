import type { Table as TableType, TableInsert, Labelled } from '@/types';
import type * as Types from '@/types';
import type { RowOf } from './src/types';

type Props = {
  post: TableType<'draft_posts'>;
  events: Promise<TableType<"audit_events">[]>;
};

export type NewPost = TableInsert<'draft_posts', { tags: string[] }>;
export type Bill = Types.BillingRow<'invoices'>;
export type PublicInvoice = TableType<'invoices'>;
export type Event = RowOf<'audit_events'>;
// Not table names: a parameter that takes any string, and a global type.
export type Label = Labelled<'draft_posts'>;
export type Counts = Record<'draft_posts', number>;

export function PostCard(props: Props) {
  return <article>{props.post.title}</article>;
}
