import type { Knex } from 'knex';
import type { Pool, PoolClient } from 'pg';

import type { Db } from '../db/client.js';
import { SHARED_SQL } from './shared-sql.js';

/** Raw SQL kept for the nightly report job. */
const ADMINS_SQL = 'select id, email from users where "isAdmin" = true order by email';
const RECENT_MESSAGES_SQL = `select id, body
  from messages
  order by id desc
  limit 10`;
const PURGE_SQL = 'delete from messages where user_id = $1' as const;
const INSERT_TEXT = "insert into calls (phone_number) values ($1)";

export async function reports(pool: Pool, client: PoolClient, knex: Knex, db: Db, id: string) {
  await pool.query(ADMINS_SQL);
  await client.query<{ id: string }>(ADMINS_SQL);
  await db.execute(RECENT_MESSAGES_SQL);
  await knex.raw(PURGE_SQL, [id]);
  await pool.query({ text: INSERT_TEXT, values: [id] });
  await pool.query(SHARED_SQL);
}

// Traps: a `let` may be reassigned, a label is not SQL, a parameter shadows the constant.
let mutableSql = 'select * from messages';
mutableSql += ' limit 1';
const PAGE_TITLE = 'messages';
const SHADOWED_SQL = 'select * from messages';

export async function traps(pool: Pool, SHADOWED_SQL: string) {
  await pool.query(mutableSql);
  await pool.query(SHADOWED_SQL);
  return PAGE_TITLE;
}
export const title = SHADOWED_SQL;
