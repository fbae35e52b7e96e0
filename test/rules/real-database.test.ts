/**
 * The facts behind identifier-length and no-set-null-on-required, checked against the real parts: drizzle-orm
 * derives the same constraint names as the rule (its own `getName()` / `uniqueName`), Postgres (PGlite) cuts them
 * and lets two cut names collide, the rule's suggested names survive unchanged, and a 'set null' on a NOT NULL column
 * fails at the parent's delete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Linter } from 'eslint';
import { getTableConfig } from 'drizzle-orm/pg-core';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../index.js';
import { auditEntries } from '../fixtures/real-names/audit.schema.js';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/real-names/audit.schema.ts');
const TABLE = 'organization_membership_invitation_audit_entries';

function lint(): Linter.LintMessage[] {
  return new Linter({ cwd: path.dirname(FIXTURE) }).verify(
    fs.readFileSync(FIXTURE, 'utf8'),
    [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser } },
      { plugins: { 'drizzle-schema': plugin }, rules: { 'drizzle-schema/identifier-length': 'error', 'drizzle-schema/no-set-null-on-required': 'error' } },
    ],
    FIXTURE,
  );
}

/** The long name each identifier-length message is about, and the name its suggestion writes (null: no suggestion). */
function getNamings(messages: readonly Linter.LintMessage[]): { readonly name: string; readonly short: string | null }[] {
  return messages
    .filter((m) => m.ruleId === 'drizzle-schema/identifier-length')
    .map((m) => ({
      name: /(?:derives, |the name )`([^`]+)`/.exec(m.message)![1]!,
      short: m.suggestions?.[0] ? /Name it `([^`]+)`/.exec(m.suggestions[0].desc)![1]! : null,
    }));
}

/** drizzle-kit's DDL for the fixture (its statement shape), with the given names. */
function getDdl(names: { unique: string; pk: string; revokedFk: string; invitedFk: string; sequence: string }): string {
  return `CREATE TABLE users (id uuid PRIMARY KEY DEFAULT gen_random_uuid());
CREATE TABLE "${TABLE}" (
  organization_id uuid,
  invited_by_user_id uuid NOT NULL,
  revoked_by_user_id uuid,
  sequence_number integer GENERATED ALWAYS AS IDENTITY (sequence name "${names.sequence}"),
  CONSTRAINT "${names.pk}" PRIMARY KEY (organization_id, invited_by_user_id),
  CONSTRAINT "${names.unique}" UNIQUE (organization_id)
);
ALTER TABLE "${TABLE}" ADD CONSTRAINT "${names.revokedFk}" FOREIGN KEY (revoked_by_user_id) REFERENCES users(id);
ALTER TABLE "${TABLE}" ADD CONSTRAINT "${names.invitedFk}" FOREIGN KEY (invited_by_user_id) REFERENCES users(id) ON DELETE SET NULL;`;
}

describe('identifier-length and no-set-null-on-required against drizzle-orm and Postgres', () => {
  let db: PGlite;
  beforeAll(() => {
    db = new PGlite();
  });
  afterAll(async () => {
    await db.close();
  });

  const config = getTableConfig(auditEntries);
  const drizzleNames = {
    unique: config.columns.find((c) => c.name === 'organization_id')!.uniqueName!,
    pk: config.primaryKeys[0]!.getName(),
    revokedFk: config.foreignKeys.find((fk) => fk.reference().columns[0]!.name === 'revoked_by_user_id')!.getName(),
    invitedFk: config.foreignKeys.find((fk) => fk.reference().columns[0]!.name === 'invited_by_user_id')!.getName(),
    // drizzle-kit's serializer: `${tableName}_${column}_seq` when the identity has no name (not in drizzle-orm).
    sequence: `${TABLE}_sequence_number_seq`,
  };

  it('derives exactly the names drizzle-orm derives', () => {
    const derived = getNamings(lint()).map((n) => n.name);
    expect(derived.sort()).toEqual(Object.values(drizzleNames).sort());
    // Sanity: every one of them is over the limit.
    expect(Object.values(drizzleNames).every((name) => Buffer.byteLength(name) > 63)).toBe(true);
  });

  it('Postgres cuts the long names, so the primary key and the unique constraint collide', async () => {
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await expect(db.exec(getDdl(drizzleNames))).rejects.toThrow(/already exists/);
  });

  it("the suggested names fit, differ, and are what the database keeps", async () => {
    const namings = getNamings(lint());
    const shortFor = (name: string) => namings.find((n) => n.name === name)!.short;
    // The inline reference cannot take a name: no suggestion there; the DDL uses the cut name Postgres would keep.
    expect(shortFor(drizzleNames.revokedFk)).toBeNull();
    const names = {
      unique: shortFor(drizzleNames.unique)!,
      pk: shortFor(drizzleNames.pk)!,
      revokedFk: drizzleNames.revokedFk.slice(0, 63),
      invitedFk: shortFor(drizzleNames.invitedFk)!,
      sequence: shortFor(drizzleNames.sequence)!,
    };
    expect(new Set(Object.values(names)).size).toBe(5);
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await db.exec(getDdl(names));
    const constraints = await db.query<{ conname: string }>(`SELECT conname FROM pg_constraint WHERE conrelid = '"${TABLE}"'::regclass AND contype <> 'n' ORDER BY 1`);
    expect(constraints.rows.map((r) => r.conname)).toEqual([names.pk, names.revokedFk, names.invitedFk, names.unique].sort());
    const sequences = await db.query<{ relname: string }>("SELECT relname FROM pg_class WHERE relkind = 'S'");
    expect(sequences.rows.map((r) => r.relname)).toEqual([names.sequence]);
  });

  // Runs on the tables the previous test created.
  it("a 'set null' on a NOT NULL column is reported, and the parent's delete fails in Postgres", async () => {
    const reports = lint().filter((m) => m.ruleId === 'drizzle-schema/no-set-null-on-required');
    expect(reports.map((m) => [m.line, m.messageId])).toEqual([[17, 'setNullOnRequired']]);
    expect(reports[0]!.message).toContain(`${TABLE}.invited_by_user_id is NOT NULL (the table's \`primaryKey({ columns })\`)`);
    const user = await db.query<{ id: string }>('INSERT INTO users DEFAULT VALUES RETURNING id');
    const id = user.rows[0]!.id;
    await db.query(`INSERT INTO "${TABLE}" (organization_id, invited_by_user_id) VALUES (gen_random_uuid(), $1)`, [id]);
    await expect(db.query('DELETE FROM users WHERE id = $1', [id])).rejects.toThrow(/null value in column "invited_by_user_id"/);
  });
});
