import { sql, sql as dsql } from 'drizzle-orm';
import type { Knex } from 'knex';
import type { Pool, PoolClient } from 'pg';

import type { Db } from '../db/client.js';
import { messages } from '../db/schema/index.js';

export async function countUnread(db: Db, userId: string) {
  return db.execute<{ count: number }>(
    sql`select count(*)::int as count from comms_messages where author_id = ${userId} and read_at is null`,
  );
}

export const unreadFilter = (userId: string) => dsql<boolean>`exists (select 1 from public.comms_messages m where m.user_id = ${userId})`;

export async function admins(pool: Pool, client: PoolClient, knex: Knex, db: Db, id: string) {
  await pool.query({ text: 'update users set "is_admin" = true where id = $1', values: [id] });
  await client.query(`select id, body from comms_messages where body ilike '%messages%' -- messages
    and author_id = ${id}`);
  await knex.raw("select * from comms_messages m join comms_calls c on c.id = m.call_id where c.phone_number = ?", [id]);
  await db.execute('select phone from comms_calls');
  await db.execute(sql`select * from ${messages} where ${messages.userId} = ${id}`);
  await db.execute(sql.raw('delete from comms_messages'));
}

function localSql(strings: TemplateStringsArray) {
  return strings.join('');
}
export const notDrizzle = localSql`select * from messages`;
export const label = 'messages';
