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
    expect(getProblems([`a=${long}`, 'a-b=c', 'd=1abc', 'e=public.f'], ['t.x=drop table"'])).toEqual([
      `--table a=${long}: the new table name "${long}" is 64 bytes long; Postgres allows at most 63`,
      '--table a-b=c: the old table name "a-b" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)',
      '--table d=1abc: the new table name "1abc" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)',
      '--table e=public.f: the new table name "public.f" names a schema; a rename keeps the object in its schema, write only the new name',
      '--column t.x=drop table": the new column name "drop table"" is not a valid SQL identifier (letters, digits, _ and $, not starting with a digit)',
    ]);
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

describe('buildPlan: re-runs', () => {
  const withSources = (tables: string[], columns: string[], inSql: string[], inCode: string[], sqlColumnRenames: string[] = []) =>
    buildPlan(
      { tables: tables.map(parseTableFlag), columns: columns.map(parseColumnFlag) },
      {
        knownTables: new Set([...inSql, ...inCode]),
        sources: { inSql: new Set(inSql), inCode: new Set(inCode), sqlColumnRenames: new Set(sqlColumnRenames) },
      },
    );

  it('treats a completed rename (new name in the migrations and the code, old name nowhere) as migrated', () => {
    const result = withSources(['messages=comms_messages'], ['users.isAdmin=is_admin'], ['public.comms_messages', 'public.users'], ['public.comms_messages', 'public.users'], ['public.users.isAdmin>is_admin']);
    expect(result.tables).toEqual([{ schema: 'public', from: 'messages', to: 'comms_messages' }]);
    expect(result.steps).toEqual([]);
    expect(result.migrated).toEqual({ tables: result.tables, columns: result.columns });
  });

  it('resumes an interrupted run: schema already rewritten, migrations not yet written', () => {
    const result = withSources(['messages=comms_messages'], [], ['public.messages'], ['public.comms_messages']);
    expect(result.steps).toEqual([table('messages', 'comms_messages')]);
    expect(result.migrated).toBeUndefined();
  });

  it('still refuses a real collision: both names in the same source', () => {
    expect(() => withSources(['messages=calls'], [], ['public.messages', 'public.calls'], [])).toThrow(
      'cannot rename "messages" to "calls": table "calls" already exists',
    );
  });
});
