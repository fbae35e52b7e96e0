import type { Table } from '@acme/db-types';
import type { Row } from './src/missing-types';

export type Post = Table<'draft_posts'>;
export type Event = Row<'audit_events'>;
