import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { requiredUuidColumn } from "./shared.schema.js";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    isAdmin: boolean().default(false).notNull(),
    displayName: text<"displayName">({ enum: ["displayName"] }),
    email: text("email").notNull(),
    createdAt: timestamp({ precision: 3 }),
  },
  (t) => ({
    adminIdx: uniqueIndex("users_isAdmin_idx").on(t.isAdmin),
    emailIdx: uniqueIndex("users_email_key").on(t.email),
  }),
);

export const messages = pgTable("messages", (t) => ({
  id: t.uuid("id").primaryKey(),
  userId: requiredUuidColumn("user_id"),
  isAdmin: t.boolean(),
}));
