import { describe, expect, it } from 'vitest';
import { getKnownTables } from '../../../codemods/known-tables.js';
import { getTableReferences } from '../../../codemods/known-tables/get-table-references.js';
import type { SourceFile } from '../../../codemods/prefilter.js';
import { findDrizzleTableNames } from '../../../codemods/transforms/index.js';

function file(path: string, source: string, isAppliedMigration = false): SourceFile {
  return { path, absolutePath: `/project/${path}`, kind: path.endsWith('.sql') ? 'sql' : 'code', isAppliedMigration, isReplayed: path.endsWith('.sql') && (!isAppliedMigration || /^\d/.test(path.slice(path.lastIndexOf('/') + 1))), source };
}

const TYPES = `export type Database = {
  public: {
    Tables: {
      calls: { Row: { id: string; createdAt: string }; Insert: {}; Update: {}; Relationships: [] }
      transcripts: { Row: { id: string }; Insert: {}; Update: {}; Relationships: [] }
    }
    Views: {
      call_stats: { Row: { total: number }; Relationships: [] }
    }
  }
}
`;

describe('getKnownTables', () => {
  it('joins every source: migrations (statement by statement), Drizzle schema, generated types, code references', async () => {
    const known = await getKnownTables(
      [
        file('supabase/migrations/20240101000000_init.sql', 'create table users (id uuid);\nalter table users add constraint if not exists users_id_check check (id is not null);\n', true),
        file('supabase/migrations/rollback_20240101000000_x.sql', 'create table never_applied (id int);\n', true),
        file('src/db/schema.ts', "import { pgTable, uuid } from 'drizzle-orm/pg-core';\nexport const sshKeys = pgTable('ssh-key', { id: uuid() });\n"),
        file('src/types/database.types.ts', TYPES),
        file('src/legacy.ts', "export const rows = () => supabase.from('legacy_events').select('*');\n"),
        file('src/menu.ts', "export const label = 'archive';\n"),
      ],
      findDrizzleTableNames,
      ['ssh-key', 'calls', 'legacy_events', 'archive', 'nowhere'],
    );
    expect([...known.inSql]).toEqual(['public.users']);
    expect([...known.inCode]).toEqual(['public.ssh-key']);
    expect([...known.inTypes]).toEqual(['public.calls', 'public.transcripts']);
    expect([...known.typeViews]).toEqual(['public.call_stats']);
    expect(known.typeColumns.get('public.calls')).toEqual(new Set(['id', 'createdAt']));
    expect(known.referenced).toEqual(new Map([['public.legacy_events', 'src/legacy.ts:1']]));
    expect(known.mentioned).toEqual(new Map([['archive', 'src/menu.ts:1']]));
    expect([...known.tables].sort()).toEqual(['public.call_stats', 'public.calls', 'public.legacy_events', 'public.ssh-key', 'public.transcripts', 'public.users']);
    expect(known.warnings).toEqual(['supabase/migrations/20240101000000_init.sql:2: statement skipped, it does not parse (syntax error at or near "exists")']);
  });
});

describe('getTableReferences', () => {
  it('finds supabase-js, type-helper and SQL references, with their schema', () => {
    const files = [
      file('src/a.ts', "const q = supabase.schema('career').from('jobs').select('*');\n"),
      file('src/b.ts', "// logs from events are kept\nconst r = await sql`select * from events where id = ${id}`;\n"),
      file('src/c.ts', "type Row = Tables<'audit'>;\n"),
      file('db/seed.sql', 'insert into "Odd-Name" values (1);\nselect * from archive."old logs";\n'),
    ];
    const { referenced, mentioned } = getTableReferences(files, ['jobs', 'events', 'audit', 'Odd-Name', 'old logs']);
    expect(referenced).toEqual(
      new Map([
        ['career.jobs', 'src/a.ts:1'],
        ['public.events', 'src/b.ts:2'],
        ['public.audit', 'src/c.ts:1'],
        ['public.Odd-Name', 'db/seed.sql:1'],
        ['archive.old logs', 'db/seed.sql:2'],
      ]),
    );
    expect(mentioned).toEqual(new Map());
  });

  it('does not take a word in prose or UI text for a reference', () => {
    const files = [file('src/menu.ts', "// load the messages from the api\nexport const title = 'messages';\nimport { x } from 'messages';\n")];
    expect(getTableReferences(files, ['messages'])).toEqual({ referenced: new Map(), mentioned: new Map([['messages', 'src/menu.ts:1']]) });
  });
});
