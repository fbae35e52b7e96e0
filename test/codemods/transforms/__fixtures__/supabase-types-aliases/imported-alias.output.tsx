import type { Table as TableType, TableInsert, Labelled } from '@/types';
import type * as Types from '@/types';
import type { RowOf } from './src/types';

type Props = {
  post: TableType<'posts'>;
  events: Promise<TableType<"activity_log">[]>;
};

export type NewPost = TableInsert<'posts', { tags: string[] }>;
export type Bill = Types.BillingRow<'bills'>;
export type PublicInvoice = TableType<'invoices'>;
export type Event = RowOf<'activity_log'>;
// Not table names: a parameter that takes any string, and a global type.
export type Label = Labelled<'draft_posts'>;
export type Counts = Record<'draft_posts', number>;

export function PostCard(props: Props) {
  return <article>{props.post.title}</article>;
}
