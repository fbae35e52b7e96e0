import { index, jsonb, pgTable, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

import {
  createdAtColumn,
  optionalUuidColumn,
  requiredTextColumn,
  requiredUuidColumn,
  updatedAtColumn,
} from './shared.schema.js';
import { users } from './users.schema.js';

/** Conversations with the in-app assistant. */
export const chats = pgTable(
  'chats',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: requiredUuidColumn('userId').references(() => users.id, { onDelete: 'cascade' }),
    title: requiredTextColumn('title').default('New chat'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [index('chats_user_id_idx').on(t.userId)],
);

/** One turn of a chat. Ids are minted on the client so optimistic UI can use them. */
export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id')
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    chatId: requiredUuidColumn('chatId').references(() => chats.id, { onDelete: 'cascade' }),
    userId: requiredUuidColumn('userId').references(() => users.id, { onDelete: 'cascade' }),
    parentMessageId: optionalUuidColumn('parentMessageId').references((): AnyPgColumn => chatMessages.id, {
      onDelete: 'set null',
    }),
    role: requiredTextColumn('role').$type<'user' | 'assistant' | 'system'>(),
    content: requiredTextColumn('content').default(''),
    toolCalls: jsonb('tool_calls'),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('chat_messages_chat_id_idx').on(t.chatId, t.createdAt),
    index('chat_messages_user_id_idx').on(t.userId),
    index('chat_messages_parent_message_id_idx').on(t.parentMessageId),
  ],
);

export type Chat = typeof chats.$inferSelect;
export type ChatMessage = typeof chatMessages.$inferSelect;
