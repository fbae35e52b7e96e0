/**
 * A corpus shaped like a real application repository rather than a schema monorepo: about 2 % Drizzle schema
 * files, a Supabase migrations folder, generated Supabase types, and mostly React components and server code.
 * The table to rename has a common-word name (`notes`): besides its real references (Drizzle queries, supabase-js
 * chains, raw SQL, migrations), about one file in ten mentions the word in UI text, comments or variable names,
 * so the prefilter keeps many files that have nothing to rename. The same options always produce the same files.
 */
import { createRandom } from './corpus.js';
import type { CorpusFile } from './corpus.js';

/** The one rename of this corpus' benchmark. */
export const REAL_REPO_RENAME = { from: 'notes', to: 'account_notes' } as const;
/** Its TypeScript export, for the ts-morph baseline. */
export const REAL_REPO_SYMBOL = { from: 'notes', to: 'accountNotes' } as const;

const ENTITIES = ['accounts', 'projects', 'invoices', 'contacts', 'tasks', 'documents', 'teams', 'comments', 'events', 'payments', 'reports', 'tickets'];
const WIDGETS = ['Button', 'Card', 'Dialog', 'List', 'Table', 'Form', 'Panel', 'Header', 'Menu', 'Badge', 'Toolbar', 'Sidebar'];

function schemaFile(index: number, withNotes: boolean): CorpusFile {
  const tables = withNotes ? ['notes', 'note_tags'] : [ENTITIES[index % ENTITIES.length]!.replace(/s$/, `_${index}s`), `${ENTITIES[(index + 5) % ENTITIES.length]}_${index}_log`];
  const body = tables
    .map((table) => {
      const variable = table.replace(/_([a-z\d])/g, (_, c: string) => c.toUpperCase());
      return `export const ${variable} = pgTable('${table}', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { precision: 3 }).defaultNow().notNull(),
}, (t) => [index('${table}_account_id_idx').on(t.accountId)]);
`;
    })
    .join('\n');
  return { path: withNotes ? 'src/db/schema/notes.ts' : `src/db/schema/${tables[0]}.ts`, text: `import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';\n\n${body}` };
}

function migrationFile(index: number, table: string): CorpusFile {
  const alter = index % 3 === 0 ? `\nALTER TABLE ${table} ADD COLUMN archived_at timestamptz;\n` : '';
  return {
    path: `supabase/migrations/2025${String(1000000000 + index * 7919).slice(1)}_${table}.sql`,
    text: `CREATE TABLE ${table} (\n  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n  account_id uuid NOT NULL,\n  body text NOT NULL,\n  created_at timestamptz(3) NOT NULL DEFAULT now()\n);\nCREATE INDEX ${table}_account_id_idx ON ${table} (account_id);\n${alter}`,
  };
}

function typesFile(tables: readonly string[]): CorpusFile {
  const rows = tables.map((table) => `      ${table}: {\n        Row: { id: string; account_id: string; body: string; created_at: string };\n        Insert: { id?: string; account_id: string; body: string };\n        Update: { id?: string; body?: string };\n        Relationships: [];\n      };`);
  return { path: 'src/types/database.types.ts', text: `export type Database = {\n  public: {\n    Tables: {\n${rows.join('\n')}\n    };\n    Views: {};\n  };\n};\n` };
}

/** A server module; `kind` says how (or whether) it uses the notes table. */
function serverFile(index: number, kind: 'drizzle' | 'supabase' | 'sql' | 'plain', entity: string): CorpusFile {
  const name = `${entity}-${index}`;
  if (kind === 'drizzle') {
    return {
      path: `src/server/notes/${name}.ts`,
      text: `import { desc, eq } from 'drizzle-orm';\nimport { db } from '../../db/client';\nimport { notes } from '../../db/schema/notes';\n\nexport async function listNotes${index}(accountId: string) {\n  return db.select().from(notes).where(eq(notes.accountId, accountId)).orderBy(desc(notes.createdAt));\n}\n`,
    };
  }
  if (kind === 'supabase') {
    return {
      path: `src/server/notes/${name}.ts`,
      text: `import type { SupabaseClient } from '@supabase/supabase-js';\nimport type { Database } from '../../types/database.types';\n\nexport async function fetchNotes${index}(supabase: SupabaseClient<Database>, accountId: string) {\n  const { data, error } = await supabase.from('notes').select('id, body, created_at').eq('account_id', accountId);\n  if (error) throw new Error(\`could not load the notes: \${error.message}\`);\n  return data;\n}\n`,
    };
  }
  if (kind === 'sql') {
    return {
      path: `src/server/notes/${name}.ts`,
      text: `import { sql } from 'drizzle-orm';\nimport { db } from '../../db/client';\n\nexport async function countNotes${index}(accountId: string) {\n  return db.execute(sql\`select count(*) from notes where account_id = \${accountId}\`);\n}\n`,
    };
  }
  return {
    path: `src/server/${entity}/${name}.ts`,
    text: `import { eq } from 'drizzle-orm';\nimport { db } from '../../db/client';\n\nexport async function load${index}(id: string) {\n  const rows = await db.query.${entity}.findMany({ where: (row) => eq(row.id, id) });\n  return rows.map((row) => ({ ...row, label: '${entity} #' + row.id }));\n}\n`,
  };
}

/** A React component; `mention` puts the common word where people write it (UI text, a comment, a variable). */
function componentFile(index: number, widget: string, entity: string, mention: 'ui' | 'comment' | 'variable' | 'title' | null): CorpusFile {
  const lines = [`import { useState } from 'react';`, '', `// ${widget} for the ${entity} page.`];
  if (mention === 'comment') lines.push('// Keeps the notes drawer closed until the user opens it (see the release notes).');
  lines.push(`export function ${entity.charAt(0).toUpperCase()}${entity.slice(1)}${widget}${index}({ items }: { items: string[] }) {`, '  const [open, setOpen] = useState(false);');
  if (mention === 'variable') lines.push('  const notesCount = items.filter((item) => item.startsWith("#")).length;');
  const placeholder = mention === 'ui' ? 'Add notes for your team' : `Search ${entity}`;
  const heading = mention === 'title' ? 'Notes' : entity;
  lines.push(
    '  return (',
    `    <section aria-label="${heading}">`,
    `      <h2>${heading}</h2>`,
    `      <input placeholder="${placeholder}" onFocus={() => setOpen(true)} />`,
    `      {open && <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>}`,
    ...(mention === 'variable' ? ['      <span>{notesCount}</span>'] : []),
    '    </section>',
    '  );',
    '}',
    '',
  );
  return { path: `src/components/${entity}/${widget}${index}.tsx`, text: lines.join('\n') };
}

/** `files` files: 2 % schema, 3 % migrations, one types file, 3 % real references to `notes`, ~7 % incidental mentions. */
export function generateRealRepoCorpus(options: { files: number; seed?: number }): CorpusFile[] {
  const random = createRandom(options.seed ?? 20261201);
  const files: CorpusFile[] = [{ path: 'src/db/client.ts', text: "import { drizzle } from 'drizzle-orm/node-postgres';\n\nexport const db = drizzle(process.env.DATABASE_URL ?? '');\n" }];
  const schemaCount = Math.max(2, Math.round(options.files * 0.02));
  const tables: string[] = [];
  for (let i = 0; i < schemaCount; i++) {
    const file = schemaFile(i, i === 0);
    files.push(file);
    tables.push(...[...file.text.matchAll(/pgTable\('([a-z_\d]+)'/g)].map((match) => match[1]!));
  }
  const migrationCount = Math.max(2, Math.round(options.files * 0.03));
  for (let i = 0; i < migrationCount; i++) files.push(migrationFile(i, tables[i % tables.length]!));
  files.push(typesFile(tables));
  const rest = options.files - files.length;
  const referenceCount = Math.round(options.files * 0.03);
  const serverCount = Math.round(rest * 0.35);
  for (let i = 0; i < serverCount; i++) {
    const kind = i < referenceCount ? (['drizzle', 'supabase', 'sql'] as const)[i % 3]! : 'plain';
    files.push(serverFile(i, kind, random.pick(ENTITIES)));
  }
  for (let i = 0; files.length < options.files; i++) {
    const mention = random.chance(0.12) ? random.pick(['ui', 'comment', 'variable', 'title'] as const) : null;
    files.push(componentFile(i, random.pick(WIDGETS), random.pick(ENTITIES), mention));
  }
  return files;
}
