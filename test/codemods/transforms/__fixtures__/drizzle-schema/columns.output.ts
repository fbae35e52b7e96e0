import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { requiredUuidColumn } from "./shared.schema.js";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    isAdmin: boolean("is_admin").default(false).notNull(),
    displayName: text<"displayName">("display_name", { enum: ["displayName"] }),
    email: text("email").notNull(),
    createdAt: timestamp({ precision: 3 }),
  },
  (t) => ({
    adminIdx: uniqueIndex("users_is_admin_idx").on(t.isAdmin),
    emailIdx: uniqueIndex("users_email_key").on(t.email),
  }),
);

export const messages = pgTable("comms_messages", (t) => ({
  id: t.uuid("id").primaryKey(),
  userId: requiredUuidColumn("author_id"),
  isAdmin: t.boolean(),
}));
