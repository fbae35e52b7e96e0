/**
 * Shared column helpers. Every table uses these instead of writing the
 * builder chains by hand, so that names, nullability and timestamp precision
 * stay identical across domains (see the schema standard, Part 2).
 */
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const requiredUuidColumn = (name: string) => uuid(name).notNull();

export const optionalUuidColumn = (name: string) => uuid(name);

export function requiredTextColumn(name: string) {
  return text(name).notNull();
}

export function createdAtColumn() {
  return timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow().notNull();
}

export const updatedAtColumn = () =>
  timestamp('updated_at', { precision: 3, mode: 'string' }).defaultNow().notNull();

/** Both audit columns at once, for tables that are spread-composed. */
export const timestamps = {
  createdAt: createdAtColumn(),
  updatedAt: updatedAtColumn(),
};
