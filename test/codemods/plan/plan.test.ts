import { describe, expect, it } from 'vitest';
import { parseColumnFlag, parseTableFlag } from '../../../codemods/manifest.js';
import { buildPlan, getTemporaryName } from '../../../codemods/plan.js';
import type { RenamePlan } from '../../../codemods/types.js';
import { UsageError } from '../../../codemods/types.js';

function plan(tables: string[], columns: string[] = [], known: string[] = []): RenamePlan {
  return buildPlan({ tables: tables.map(parseTableFlag), columns: columns.map(parseColumnFlag) }, { knownTables: new Set(known) });
}

function getProblems(tables: string[], columns: string[] = [], known: string[] = []): string[] {
  try {
    plan(tables, columns, known);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    const [header, ...lines] = (error as Error).message.split('\n');
    expect(header).toBe('Invalid renames:');
    return lines.map((line) => line.replace(/^ {2}- /, ''));
  }
  throw new Error('expected a UsageError');
}

const table = (from: string, to: string, schema = 'public') => ({ kind: 'table', schema, from, to });

describe('buildPlan: order of database steps', () => {
  it('keeps independent renames in request order', () => {
    expect(plan(['messages=comms_messages', 'calls=comms_calls']).steps).toEqual([table('messages', 'comms_messages'), table('calls', 'comms_calls')]);
  });

  it('runs a chain back to front', () => {
    const result = plan(['a=b', 'b=c', 'c=d']);
    expect(result.tables).toEqual([
      { schema: 'public', from: 'a', to: 'b' },
      { schema: 'public', from: 'b', to: 'c' },
      { schema: 'public', from: 'c', to: 'd' },
    ]);
    expect(result.steps).toEqual([table('c', 'd'), table('b', 'c'), table('a', 'b')]);
  });

  it('breaks a swap through a temporary name', () => {
    expect(plan(['a=b', 'b=a']).steps).toEqual([table('a', 'a__tmp_rename'), table('b', 'a'), table('a__tmp_rename', 'b')]);
  });

  it('breaks a 3-cycle through one temporary name', () => {
    expect(plan(['a=b', 'b=c', 'c=a']).steps).toEqual([table('a', 'a__tmp_rename'), table('c', 'a'), table('b', 'c'), table('a__tmp_rename', 'b')]);
  });

  it('chooses a temporary name that is free, and within 63 bytes', () => {
    expect(plan(['a=b', 'b=a'], [], ['a', 'b', 'a__tmp_rename']).steps[0]).toEqual(table('a', 'a__tmp_rename_2'));
    const long = 'x'.repeat(63);
    const temporary = getTemporaryName(long, new Set());
    expect(temporary).toBe(`${'x'.repeat(51)}__tmp_rename`);
    expect(Buffer.byteLength(temporary)).toBe(63);
  });

  it('keeps schemas apart', () => {
    const result = plan(['career.jobs=career_jobs', 'jobs=public_jobs']);
    expect(result.steps).toEqual([table('jobs', 'career_jobs', 'career'), table('jobs', 'public_jobs')]);
  });

  it('runs column steps after table steps, on the final table name', () => {
    const result = plan(['users=app_users'], ['users.isAdmin=is_admin', 'app_users.fullName=full_name', 'posts.x=y', 'posts.y=x'], ['users', 'posts']);
    expect(result.columns).toEqual([
      { schema: 'public', table: 'users', from: 'isAdmin', to: 'is_admin' },
      { schema: 'public', table: 'users', from: 'fullName', to: 'full_name' },
      { schema: 'public', table: 'posts', from: 'x', to: 'y' },
      { schema: 'public', table: 'posts', from: 'y', to: 'x' },
    ]);
    expect(result.steps).toEqual([
      table('users', 'app_users'),
      { kind: 'column', schema: 'public', table: 'app_users', from: 'isAdmin', to: 'is_admin' },
      { kind: 'column', schema: 'public', table: 'app_users', from: 'fullName', to: 'full_name' },
      { kind: 'column', schema: 'public', table: 'posts', from: 'x', to: 'x__tmp_rename' },
      { kind: 'column', schema: 'public', table: 'posts', from: 'y', to: 'x' },
      { kind: 'column', schema: 'public', table: 'posts', from: 'x__tmp_rename', to: 'y' },
    ]);
  });

  it('reads a table named both old and new (a swap) as its old name', () => {
    expect(plan(['a=b', 'b=a'], ['a.x=y']).columns).toEqual([{ schema: 'public', table: 'a', from: 'x', to: 'y' }]);
  });

  it('merges exact duplicates (a flag repeated in the manifest)', () => {
    expect(plan(['a=b', 'a=b'], ['a.x=y', 'b.x=y']).steps).toEqual([table('a', 'b'), { kind: 'column', schema: 'public', table: 'b', from: 'x', to: 'y' }]);
  });

  it('accepts a new name that is a known table renamed away in the same plan', () => {
    expect(plan(['a=b', 'b=c'], [], ['a', 'b']).steps).toEqual([table('b', 'c'), table('a', 'b')]);
  });

  it('accepts qualified known tables', () => {
    expect(plan(['career.jobs=career_jobs'], [], ['career.jobs', 'users']).tables).toEqual([{ schema: 'career', from: 'jobs', to: 'career_jobs' }]);
  });
});

describe('buildPlan: refusals', () => {
  it('refuses empty names', () => {
    expect(getProblems(['=b', 'a=', '.a=b'], ['.x=y', 't.=y', 't.x='])).toEqual([
      '--table =b: the old table name is empty',
      '--table a=: the new table name is empty',
      '--table .a=b: the schema name is empty',
      '--column .x=y: the table name is empty',
      '--column t.=y: the old column name is empty',
      '--column t.x=: the new column name is empty',
    ]);
  });

  it('refuses invalid and too long identifiers', () => {
    const long = 'n'.repeat(64);
    expect(getProblems([`a=${long}`, 'a-b=c-d', 'd=1abc', 'e=public.f', `${long}=g`], ['t.x=drop table"'])).toEqual([
      `--table a=${long}: the new table name "${long}" is 64 bytes long; Postgres allows at most 63`,
      '--table a-b=c-d: the new table name "c-d" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)',
      '--table d=1abc: the new table name "1abc" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)',
      '--table e=public.f: the new table name "public.f" names a schema; a rename keeps the object in its schema, write only the new name',
      `--table ${long}=g: the old table name "${long}" is 64 bytes long; Postgres allows at most 63`,
      '--column t.x=drop table": the new column name "drop table"" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)',
    ]);
  });

  it('takes old names as the database has them: hyphens, capitals, spaces', () => {
    const result = plan(['ssh-key=ssh_keys', 'Odd Name=odd_name', 'My-Schema.T=t'], ['ssh-key.key-data=key_data', 'users.isAdmin=is_admin'], ['ssh-key', 'Odd Name', 'My-Schema.T', 'users']);
    expect(result.tables).toEqual([
      { schema: 'public', from: 'ssh-key', to: 'ssh_keys' },
      { schema: 'public', from: 'Odd Name', to: 'odd_name' },
      { schema: 'My-Schema', from: 'T', to: 't' },
    ]);
    expect(result.columns).toEqual([
      { schema: 'public', table: 'ssh-key', from: 'key-data', to: 'key_data' },
      { schema: 'public', table: 'users', from: 'isAdmin', to: 'is_admin' },
    ]);
    expect(result.steps[0]).toEqual(table('ssh-key', 'ssh_keys'));
  });

  it('refuses a rename to itself', () => {
    expect(getProblems(['a=a'], ['t.x=x'])).toEqual(['--table a=a: renames table "a" to itself', '--column t.x=x: renames column "t.x" to itself']);
  });

  it('refuses one old name renamed twice', () => {
    expect(getProblems(['a=b', 'a=c'], ['t.x=y', 't.x=z'])).toEqual([
      'table "a" is renamed twice: to "b" (--table a=b) and to "c" (--table a=c)',
      'column "t.x" is renamed twice: to "y" (--column t.x=y) and to "z" (--column t.x=z)',
    ]);
  });

  it('refuses two old names renamed to one new name', () => {
    expect(getProblems(['a=c', 'b=c', 'career.d=e', 'career.f=e', 'career.g=e'], ['t.x=z', 't.y=z', 'u.x=z'])).toEqual([
      'tables "a" (--table a=c) and "b" (--table b=c) are both renamed to "c"',
      'tables "career.d" (--table career.d=e) and "career.f" (--table career.f=e) and "career.g" (--table career.g=e) are all renamed to "e"',
      'columns "t.x" (--column t.x=z) and "t.y" (--column t.y=z) are both renamed to "z"',
    ]);
  });

  it('refuses a new name that is an existing table', () => {
    expect(getProblems(['messages=calls'], [], ['messages', 'calls'])).toEqual([
      '--table messages=calls: cannot rename "messages" to "calls": table "calls" already exists (rename it too in the same plan, or choose another name)',
    ]);
  });

  it('refuses unknown tables, with a suggestion when one is close', () => {
    expect(getProblems(['mesages=comms_messages', 'zzz=y'], ['usres.isAdmin=is_admin'], ['messages', 'users'])).toEqual([
      '--table mesages=comms_messages: table "mesages" is not a known table (did you mean "messages"?)',
      '--table zzz=y: table "zzz" is not a known table (check the spelling and the schema)',
      '--column usres.isAdmin=is_admin: table "usres" is not a known table (did you mean "users"?)',
    ]);
    expect(getProblems(['jobs=career_jobs'], [], ['career.jobs'])).toEqual(['--table jobs=career_jobs: table "jobs" is not a known table (did you mean "career.jobs"?)']);
  });

  it('refuses an empty plan', () => {
    expect(() => plan([])).toThrow(new UsageError('Nothing to rename: give --table old=new, --column table.old=new or --manifest file'));
  });
});

type Sources = NonNullable<Parameters<typeof buildPlan>[1]['sources']>;

/** A plan over explicit sources; `knownTables` is their union, as `getKnownTables` makes it. */
function planWith(tables: string[], columns: string[], sources: Partial<Record<keyof Sources, unknown>>): RenamePlan {
  const set = (key: keyof Sources) => new Set((sources[key] as string[] | undefined) ?? []);
  const given: Sources = {
    inSql: set('inSql'),
    sqlViews: set('sqlViews'),
    inCode: set('inCode'),
    inTypes: set('inTypes'),
    typeViews: set('typeViews'),
    sqlColumnRenames: set('sqlColumnRenames'),
    sqlTableRenames: new Map(Object.entries((sources.sqlTableRenames as Record<string, string> | undefined) ?? {})),
    typeColumns: new Map(Object.entries((sources.typeColumns as Record<string, string[]> | undefined) ?? {}).map(([key, names]) => [key, new Set(names)])),
    referenced: new Map(Object.entries((sources.referenced as Record<string, string> | undefined) ?? {})),
    mentioned: new Map(Object.entries((sources.mentioned as Record<string, string> | undefined) ?? {})),
  };
  const knownTables = new Set([...given.inSql!, ...given.sqlViews!, ...given.inCode!, ...given.inTypes!, ...given.typeViews!, ...given.referenced!.keys()]);
  return buildPlan({ tables: tables.map(parseTableFlag), columns: columns.map(parseColumnFlag) }, { knownTables, sources: given });
}

function getPlanProblems(tables: string[], columns: string[], sources: Partial<Record<keyof Sources, unknown>>): string[] {
  try {
    planWith(tables, columns, sources);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message.split('\n').slice(1).map((line) => line.replace(/^ {2}- /, ''));
  }
  throw new Error('expected a UsageError');
}

describe('buildPlan: table sources', () => {
  it('knows a table from the generated types alone (created in the dashboard)', () => {
    const result = planWith(['calls=call_logs'], ['calls.createdAt=created_at'], { inTypes: ['public.calls', 'public.users'], inSql: ['public.users'] });
    expect(result.steps).toEqual([table('calls', 'call_logs'), { kind: 'column', schema: 'public', table: 'call_logs', from: 'createdAt', to: 'created_at' }]);
    expect(result.warnings).toBeUndefined();
  });

  it('renames a table only the code references, with a warning', () => {
    const result = planWith(['legacy_events=events'], [], { inSql: ['public.users'], referenced: { 'public.legacy_events': 'src/events.ts:4' } });
    expect(result.steps).toEqual([table('legacy_events', 'events')]);
    expect(result.warnings).toEqual([
      'table "legacy_events" is in no Drizzle schema, migration or generated types; renamed where the code names it (first at src/events.ts:4): check that the database has it',
    ]);
  });

  it('refuses a name no source knows and no file references, saying where it is only mentioned', () => {
    expect(getPlanProblems(['mesages=comms_messages', 'destinations=backup_destinations'], [], { inTypes: ['public.messages', 'public.destination'], mentioned: { destinations: 'src/ui/menu.ts:3' } })).toEqual([
      '--table mesages=comms_messages: table "mesages" is not a known table (did you mean "messages"?)',
      '--table destinations=backup_destinations: table "destinations" is not a known table (did you mean "destination"?); "destinations" appears in src/ui/menu.ts:3, but never where a table is named',
    ]);
  });

  it('renames a view as a relation, with a warning, and refuses a new name that is a view', () => {
    const result = planWith(['call_stats=call_statistics'], [], { inTypes: ['public.calls'], typeViews: ['public.call_stats'] });
    expect(result.steps).toEqual([table('call_stats', 'call_statistics')]);
    expect(result.warnings).toEqual([
      '"call_stats" is a view in the generated Supabase types: it is renamed as a relation (Postgres\'s ALTER TABLE … RENAME TO renames views); regenerate the Supabase types after the migration',
    ]);
    expect(getPlanProblems(['calls=call_stats'], [], { inTypes: ['public.calls'], typeViews: ['public.call_stats'] })).toEqual([
      '--table calls=call_stats: cannot rename "calls" to "call_stats": view "call_stats" already exists in the generated Supabase types (rename it too in the same plan, or choose another name)',
    ]);
  });

  it('refuses a collision found in any one source', () => {
    expect(getPlanProblems(['messages=calls'], [], { inSql: ['public.messages'], inTypes: ['public.messages', 'public.calls'] })).toEqual([
      '--table messages=calls: cannot rename "messages" to "calls": table "calls" already exists in the generated Supabase types (rename it too in the same plan, or choose another name)',
    ]);
  });
});

describe('buildPlan: re-runs', () => {
  const done = {
    inSql: ['public.comms_messages', 'public.users'],
    sqlViews: ['public.messages'],
    sqlTableRenames: { 'public.messages': 'public.comms_messages' },
    sqlColumnRenames: ['public.comms_messages.userId>user_id'],
    inCode: ['public.comms_messages', 'public.users'],
    inTypes: ['public.comms_messages', 'public.users'],
    typeViews: ['public.messages'],
  };

  it('treats a completed rename (new name everywhere, a compatibility view under the old one) as migrated and applied', () => {
    const result = planWith(['messages=comms_messages'], ['messages.userId=user_id'], done);
    expect(result.tables).toEqual([{ schema: 'public', from: 'messages', to: 'comms_messages' }]);
    expect(result.steps).toEqual([]);
    expect(result.migrated).toEqual({ tables: result.tables, columns: result.columns });
    expect(result.isAppliedInCode).toBe(true);
  });

  it('accepts a column rename that names its table by the old name after the table rename is done', () => {
    const result = planWith(['destination=backup_destination'], ['destination.accessKey=access_key'], {
      inSql: ['public.backup_destination'],
      sqlTableRenames: { 'public.destination': 'public.backup_destination' },
      sqlColumnRenames: ['public.backup_destination.accessKey>access_key'],
      inCode: ['public.backup_destination'],
    });
    expect(result.columns).toEqual([{ schema: 'public', table: 'destination', from: 'accessKey', to: 'access_key' }]);
    expect(result.steps).toEqual([]);
    expect(result.isAppliedInCode).toBe(true);
  });

  it('resumes an interrupted run: schema already rewritten, migrations not yet written', () => {
    const result = planWith(['messages=comms_messages'], [], { inSql: ['public.messages'], inCode: ['public.comms_messages'] });
    expect(result.steps).toEqual([table('messages', 'comms_messages')]);
    expect(result.migrated).toBeUndefined();
    // The code is done; the migration is not: the run writes it (or, without a migration folder, has nothing to do).
    expect(result.isAppliedInCode).toBe(true);
  });

  it('does the rest of a partly applied plan', () => {
    const result = planWith(['messages=comms_messages', 'calls=call_logs'], [], { ...done, inSql: [...done.inSql, 'public.calls'], inTypes: [...done.inTypes, 'public.calls'] });
    expect(result.steps).toEqual([table('calls', 'call_logs')]);
    expect(result.migrated?.tables).toEqual([{ schema: 'public', from: 'messages', to: 'comms_messages' }]);
    expect(result.isAppliedInCode).toBeUndefined();
  });

  it('knows a column rename of a types-only table is applied when the types have the new column and not the old', () => {
    const sources = { inTypes: ['public.calls'], typeColumns: { 'public.calls': ['id', 'created_at'] } };
    expect(planWith([], ['calls.createdAt=created_at'], sources).isAppliedInCode).toBe(true);
    expect(planWith([], ['calls.createdAt=created_at'], { ...sources, typeColumns: { 'public.calls': ['id', 'createdAt'] } }).isAppliedInCode).toBeUndefined();
  });

  it('leaves out a swap the migrations already perform (running it again would swap back)', () => {
    const swapped = { inSql: ['public.a', 'public.b'], sqlTableRenames: { 'public.a': 'public.b', 'public.b': 'public.a' }, sqlColumnRenames: ['public.b.x>y'], inCode: ['public.a', 'public.b'] };
    const result = planWith(['a=b', 'b=a'], ['a.x=y'], swapped);
    expect(result.tables).toEqual([]);
    expect(result.steps).toEqual([]);
    expect(result.columns).toEqual([{ schema: 'public', table: 'b', from: 'x', to: 'y' }]);
    expect(result.warnings).toEqual(['the swap a → b, b → a is already done (the migrations perform it): a → b, b → a not run again, since those old names now belong to the renamed tables']);
    // Without a migration that performed it, a swap of two existing tables is a swap.
    expect(planWith(['a=b', 'b=a'], [], { inSql: ['public.a', 'public.b'], inCode: ['public.a', 'public.b'] }).steps).toEqual([
      table('a', 'a__tmp_rename'),
      table('b', 'a'),
      table('a__tmp_rename', 'b'),
    ]);
  });

  it('keeps only the first rename of a chain whose first old name is gone', () => {
    const result = planWith(['a=b', 'b=c'], ['b.x=y'], { inCode: ['public.b', 'public.c'], inTypes: ['public.b', 'public.c'] });
    expect(result.tables).toEqual([{ schema: 'public', from: 'a', to: 'b' }]);
    expect(result.columns).toEqual([{ schema: 'public', table: 'c', from: 'x', to: 'y' }]);
    expect(result.warnings).toEqual(['the chain a → b, b → c is already done (its first old names are gone): b → c not run again, since those old names now belong to the renamed tables']);
  });

  it('still refuses a real collision: both names in the same source', () => {
    expect(() => planWith(['messages=calls'], [], { inSql: ['public.messages', 'public.calls'] })).toThrow(
      'cannot rename "messages" to "calls": table "calls" already exists in the migrations',
    );
  });
});
