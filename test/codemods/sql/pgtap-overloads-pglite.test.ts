/**
 * The overload resolution the pgTAP rewriter relies on, checked against Postgres itself: for every function of
 * the pgTAP table, PGlite gets one stub per declared overload (same parameter types and defaults, returning its
 * position), and a set of calls with the argument spellings tests use (plain literals, `::name` / `::text` casts,
 * `ARRAY[...]`, `ARRAY[...]::name[]`, numbers). The overload Postgres runs must be the one
 * `resolvePgtapOverload` picks; a call Postgres rejects as ambiguous or unknown must resolve to none or several.
 * (pgTAP itself is PL/pgSQL that PGlite does not ship, so its own functions cannot be loaded here.)
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgtapOverload, PgtapType } from '../../../codemods/sql/pgtap-overloads.js';
import { PGTAP_OVERLOADS } from '../../../codemods/sql/pgtap-overloads.js';
import type { PgtapArgumentType } from '../../../codemods/sql/resolve-pgtap-overload.js';
import { resolvePgtapOverload } from '../../../codemods/sql/resolve-pgtap-overload.js';

const SPELLINGS: Readonly<Record<Exclude<PgtapArgumentType, 'other'>, string>> = {
  unknown: "'x'",
  name: "'x'::name",
  text: "'x'::text",
  'name[]': "ARRAY['x']::name[]",
  'text[]': "ARRAY['x']",
  int: '1',
};

/** The argument spelling a parameter of this type is most often given in tests. */
function getPlainArgument(type: PgtapType): Exclude<PgtapArgumentType, 'other'> {
  if (type === 'int') return 'int';
  return type.endsWith('[]') ? 'text[]' : 'unknown';
}

function getExactArgument(type: PgtapType): Exclude<PgtapArgumentType, 'other'> {
  return type === 'anyelement' ? 'unknown' : type;
}

/** Calls to try for one overload: every argument plain, every argument cast to its type, first one cast. */
function getCalls(overload: PgtapOverload): PgtapArgumentType[][] {
  const calls: PgtapArgumentType[][] = [];
  const required = overload.parameters.filter((parameter) => !parameter.optional).length;
  for (let count = required; count <= overload.parameters.length; count++) {
    const parameters = overload.parameters.slice(0, count);
    const plain = parameters.map((parameter) => getPlainArgument(parameter.type));
    const exact = parameters.map((parameter) => getExactArgument(parameter.type));
    calls.push(plain, exact, [exact[0]!, ...plain.slice(1)]);
  }
  return calls;
}

function getSqlType(type: PgtapType): string {
  return type === 'int' ? 'integer' : type;
}

let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  const statements = ['create schema tap;'];
  for (const [name, overloads] of PGTAP_OVERLOADS) {
    overloads.forEach((overload, index) => {
      const parameters = overload.parameters.map((parameter) => `${getSqlType(parameter.type)}${parameter.optional ? ' default null' : ''}`);
      statements.push(`create function tap.${name}(${parameters.join(', ')}) returns text language sql as $$ select '${index}' $$;`);
    });
  }
  await db.exec(statements.join('\n'));
});

afterAll(async () => {
  await db.close();
});

describe('pgTAP overload resolution matches Postgres', () => {
  it('covers the documented functions', () => {
    for (const name of ['has_table', 'hasnt_table', 'has_column', 'col_not_null', 'col_type_is', 'col_has_default', 'has_pk', 'col_is_pk', 'has_fk', 'col_is_fk', 'fk_ok', 'has_index', 'index_is_unique', 'index_is_primary', 'is_indexed', 'has_unique', 'col_is_unique', 'has_check', 'has_trigger', 'trigger_is', 'policies_are', 'policy_cmd_is', 'policy_roles_are', 'table_privs_are', 'column_privs_are', 'has_view', 'has_sequence', 'tables_are', 'columns_are', 'indexes_are']) {
      expect(PGTAP_OVERLOADS.has(name), name).toBe(true);
    }
  });

  for (const [name, overloads] of PGTAP_OVERLOADS) {
    it(name, async () => {
      const seen = new Set<string>();
      for (const call of overloads.flatMap(getCalls)) {
        const key = call.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const sql = `select tap.${name}(${call.map((type) => SPELLINGS[type as keyof typeof SPELLINGS]).join(', ')}) as picked`;
        let picked: string | null;
        try {
          picked = (await db.query<{ picked: string }>(sql)).rows[0]!.picked;
        } catch (error) {
          if (!(error instanceof Error) || !/is not unique|does not exist/.test(error.message)) throw error;
          picked = null;
        }
        const resolved = resolvePgtapOverload(overloads, call);
        const ours = resolved.length === 1 ? String(overloads.indexOf(resolved[0]!)) : null;
        expect(ours, sql).toBe(picked);
      }
    });
  }
});
