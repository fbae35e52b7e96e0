import { pgTableCreator, uuid } from 'drizzle-orm/pg-core';

const appTable = pgTableCreator((name) => `app_${name}`);

export const messages = appTable('inbox', { id: uuid('id') });
// The creator adds `app_`; `legacy_calls` cannot become `calls` through it: listed for review.
export const calls = pgTableCreator((name) => `legacy_${name}`)('calls', { id: uuid('id') });
