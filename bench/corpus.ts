/**
 * Deterministic corpus generator for the benchmarks and the robustness tests: a monorepo-shaped tree of
 * Drizzle schema files (pg, mysql and sqlite tables, both forms of the third argument, shared helpers,
 * planted violations at set rates) and application files that query them (Drizzle, supabase-js, raw SQL).
 * The same options always produce byte-identical files.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CorpusOptions {
  /** Total number of files (schema + application + SQL). */
  readonly files: number;
  readonly seed?: number;
  /** Share of files that are schema files. */
  readonly schemaShare?: number;
  /** Rates at which violations are planted, per opportunity. */
  readonly rates?: Partial<Record<'serialId' | 'missingDefault' | 'camelCaseName' | 'plainTimestamp' | 'missingFkIndex' | 'inlineHelper', number>>;
}

export interface CorpusFile {
  readonly path: string;
  readonly text: string;
}

/** The phase-1 renames of seed 001 (19 tables): the benchmark manifest uses them. */
export const PHASE_ONE_RENAMES: Readonly<Record<string, string>> = {
  feature_flags: 'system_feature_flags',
  rate_limits: 'system_rate_limits',
  usage_logs: 'system_usage_logs',
  feature_usage_stats: 'analytics_feature_usage_stats',
  scheduled_deletions: 'system_scheduled_deletions',
  mfa_pending_setup: 'user_mfa_pending_setup',
  mfa_recovery_codes: 'user_mfa_recovery_codes',
  reset_tokens: 'security_reset_tokens',
  onboarding_status: 'user_onboarding_status',
  onboarding_steps: 'user_onboarding_steps',
  onboarding_surveys: 'user_onboarding_surveys',
  reminder_states: 'user_reminder_states',
  workspace: 'workspaces',
  messages: 'comms_messages',
  scheduled_messages: 'comms_scheduled_messages',
  calls: 'call_logs',
  transcripts: 'call_transcripts',
  transcript_segments: 'call_transcript_segments',
  ai_jobs: 'assistant_jobs',
};

const DEFAULT_RATES = { serialId: 0.03, missingDefault: 0.05, camelCaseName: 0.04, plainTimestamp: 0.1, missingFkIndex: 0.2, inlineHelper: 0.15 };

const DOMAINS = ['billing', 'crm', 'catalog', 'inventory', 'support', 'analytics', 'content', 'identity', 'scheduling', 'payments', 'shipping', 'reviews'];
const NOUNS = ['accounts', 'orders', 'items', 'events', 'notes', 'tags', 'attachments', 'comments', 'sessions', 'invoices', 'entries', 'reports', 'tasks', 'tickets', 'assets', 'rules', 'jobs', 'snapshots'];
const FIELDS: readonly (readonly [string, string])[] = [
  ['title', "text('title').notNull()"],
  ['body', "text('body')"],
  ['status', "varchar('status', { length: 32 }).notNull().default('active')"],
  ['amount', "integer('amount').notNull().default(0)"],
  ['isArchived', "boolean('is_archived').notNull().default(false)"],
  ['metadata', "jsonb('metadata')"],
  ['position', "integer('position')"],
  ['slug', "varchar('slug', { length: 120 }).unique()"],
];

/** mulberry32: a tiny deterministic PRNG. */
export function createRandom(seed: number): { next(): number; pick<T>(items: readonly T[]): T; chance(p: number): boolean; int(min: number, max: number): number } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}

const camel = (snake: string) => snake.replace(/_([a-z\d])/g, (_, c: string) => c.toUpperCase());

interface TableSpec {
  readonly name: string;
  readonly variable: string;
  readonly dialect: 'pg' | 'mysql' | 'sqlite';
  readonly file: string;
}

const SHARED_HELPERS = `import { timestamp, uuid, text } from 'drizzle-orm/pg-core';

export const requiredUuidColumn = (name: string) => uuid(name).notNull();
export const optionalUuidColumn = (name: string) => uuid(name);
export const requiredTextColumn = (name: string) => text(name).notNull();
export function createdAtColumn() {
  return timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow().notNull();
}
export function updatedAtColumn() {
  return timestamp('updated_at', { precision: 3, mode: 'string' }).defaultNow().notNull();
}
`;

function pgTableSource(table: TableSpec, parent: TableSpec | null, random: ReturnType<typeof createRandom>, rates: typeof DEFAULT_RATES, objectForm: boolean): string {
  const lines: string[] = [];
  if (random.chance(rates.serialId)) lines.push("  id: serial('id').primaryKey(),");
  else if (random.chance(rates.missingDefault)) lines.push("  id: uuid('id').primaryKey(),");
  else lines.push("  id: uuid('id').primaryKey().defaultRandom(),");
  const fkColumns: (readonly [key: string, dbName: string])[] = [];
  if (parent) {
    lines.push(`  ${camel(parent.name)}Id: uuid('${parent.name}_id').notNull().references(() => ${parent.variable}.id, { onDelete: 'cascade' }),`);
    fkColumns.push([`${camel(parent.name)}Id`, `${parent.name}_id`]);
  }
  lines.push(random.chance(rates.inlineHelper) ? "  ownerId: uuid('owner_id').notNull()," : "  ownerId: requiredUuidColumn('owner_id'),");
  const fieldCount = random.int(2, FIELDS.length);
  for (let i = 0; i < fieldCount; i++) {
    const [key, chain] = FIELDS[i]!;
    lines.push(random.chance(rates.camelCaseName) ? `  ${key}: ${chain.replace(/\('([a-z_]+)'/, `('${key}'`)},` : `  ${key}: ${chain},`);
  }
  lines.push(random.chance(rates.inlineHelper) ? "  createdAt: timestamp('created_at', { precision: 3, mode: 'string' }).defaultNow().notNull()," : '  createdAt: createdAtColumn(),');
  lines.push(random.chance(rates.plainTimestamp) ? "  updatedAt: timestamp('updated_at').defaultNow()," : '  updatedAt: updatedAtColumn(),');
  const indexed = fkColumns.filter(() => !random.chance(rates.missingFkIndex));
  const entries = [`index('${table.name}_owner_id_idx').on(t.ownerId)`, ...indexed.map(([key, dbName]) => `index('${table.name}_${dbName}_idx').on(t.${key})`)];
  const extra = objectForm
    ? `(t) => ({\n${entries.map((e, i) => `  idx${i}: ${e},`).join('\n')}\n})`
    : `(t) => [\n${entries.map((e) => `  ${e},`).join('\n')}\n]`;
  return `export const ${table.variable} = pgTable('${table.name}', {\n${lines.join('\n')}\n}, ${extra});\n`;
}

function otherDialectSource(table: TableSpec): string {
  if (table.dialect === 'mysql') {
    return `export const ${table.variable} = mysqlTable('${table.name}', {
  id: varchar('id', { length: 36 }).primaryKey(),
  title: varchar('title', { length: 200 }).notNull(),
  createdAt: datetime('created_at', { fsp: 3 }).notNull(),
}, (t) => [index('${table.name}_title_idx').on(t.title)]);
`;
  }
  return `export const ${table.variable} = sqliteTable('${table.name}', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});
`;
}

function schemaFile(tables: readonly TableSpec[], random: ReturnType<typeof createRandom>, rates: typeof DEFAULT_RATES): string {
  const dialect = tables[0]!.dialect;
  if (dialect === 'mysql') {
    return `import { mysqlTable, varchar, datetime, index } from 'drizzle-orm/mysql-core';\n\n${tables.map(otherDialectSource).join('\n')}`;
  }
  if (dialect === 'sqlite') {
    return `import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';\n\n${tables.map(otherDialectSource).join('\n')}`;
  }
  const objectForm = random.chance(0.3);
  const header = `import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, requiredUuidColumn, updatedAtColumn } from './shared.schema';
`;
  return `${header}\n${tables.map((t, i) => pgTableSource(t, i > 0 ? tables[0]! : null, random, rates, objectForm)).join('\n')}`;
}

function appFile(used: readonly TableSpec[], random: ReturnType<typeof createRandom>): string {
  const imports = used.map((t) => `import { ${t.variable} } from '${path.posix.relative('src/services', t.file).replace(/\.ts$/, '')}';`);
  const parts = used.map((t) => {
    const fn = t.variable.charAt(0).toUpperCase() + t.variable.slice(1);
    return `export async function list${fn}(ownerId: string) {
  return db.select().from(${t.variable}).where(eq(${t.variable}.ownerId, ownerId));
}

export async function count${fn}(ownerId: string) {
  return db.execute(sql\`select count(*) from ${t.name} where owner_id = \${ownerId}\`);
}

export async function fetch${fn}(supabase: SupabaseClient, id: string) {
  const { data, error } = await supabase.from('${t.name}').select('id, title, created_at').eq('owner_id', id).order('created_at', { ascending: false });
  if (error) throw new Error(\`could not load ${t.name.replace(/_/g, ' ')}: \${error.message}\`);
  return data;
}
`;
  });
  const label = random.chance(0.2) ? `\nexport const NAV_LABEL = '${random.pick(['Messages', 'Calls', 'Workspace', 'Reports'])}';\n` : '';
  return `import { eq, sql } from 'drizzle-orm';
import type { SupabaseClient } from '@supabase/supabase-js';
import { db } from '../db/client';
${imports.join('\n')}
${label}
${parts.join('\n')}`;
}

/** The corpus as a list of files (relative POSIX paths). */
export function generateCorpus(options: CorpusOptions): CorpusFile[] {
  const random = createRandom(options.seed ?? 20261121);
  const rates = { ...DEFAULT_RATES, ...options.rates };
  const schemaCount = Math.max(1, Math.round(options.files * (options.schemaShare ?? 0.25)));
  const sqlCount = Math.max(1, Math.round(options.files * 0.02));
  const appCount = Math.max(0, options.files - schemaCount - sqlCount - 2);
  const files: CorpusFile[] = [
    { path: 'src/schema/shared.schema.ts', text: SHARED_HELPERS },
    { path: 'src/db/client.ts', text: "import { drizzle } from 'drizzle-orm/pglite';\n\nexport const db = drizzle();\n" },
  ];
  const tables: TableSpec[] = [];
  const phaseOne = Object.keys(PHASE_ONE_RENAMES);
  const stride = Math.max(1, Math.min(3, Math.floor(schemaCount / phaseOne.length)));
  for (let i = 0; i < schemaCount; i++) {
    // Every third schema file among the first 57 (or every second, or every one, in a smaller corpus) declares one
    // phase-1 table, always as a pg table, so every corpus of 19+ schema files holds all 19 tables of the manifest.
    const isPhaseOneFile = i % stride === 0 && i / stride < phaseOne.length;
    const drawn = random.chance(0.1) ? 'mysql' : random.chance(0.08) ? 'sqlite' : 'pg';
    const dialect = isPhaseOneFile ? 'pg' : drawn;
    const domain = random.pick(DOMAINS);
    const file = `src/schema/${domain}_${i}.schema.ts`;
    const count = random.int(2, 4);
    const fileTables: TableSpec[] = [];
    for (let j = 0; j < count; j++) {
      const name = isPhaseOneFile && j === 0 ? phaseOne[i / stride]! : `${domain}_${random.pick(NOUNS)}_${i}_${j}`;
      fileTables.push({ name, variable: camel(name), dialect, file });
    }
    tables.push(...fileTables);
    files.push({ path: file, text: schemaFile(fileTables, random, rates) });
  }
  const pgTables = tables.filter((t) => t.dialect === 'pg');
  for (let i = 0; i < appCount; i++) {
    const used = [...new Set([random.pick(pgTables), random.pick(pgTables)])];
    files.push({ path: `src/services/service_${i}.ts`, text: appFile(used, random) });
  }
  for (let i = 0; i < sqlCount; i++) {
    const t = random.pick(pgTables);
    files.push({
      path: `supabase/seeds/seed_${i}.sql`,
      text: `-- seed data for ${t.name}\ninsert into ${t.name} (id, owner_id, title) values (gen_random_uuid(), gen_random_uuid(), 'first ${t.name}');\nselect count(*) from ${t.name} where title <> '${t.name}';\n`,
    });
  }
  return files;
}

/** Write the corpus under `dir` (created; existing content with the same paths is overwritten). */
export function writeCorpus(dir: string, files: readonly CorpusFile[]): void {
  for (const file of files) {
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.text);
  }
}

/** A ~1,000-line schema file: the per-file cost an editor user feels. */
export function largestSchemaFile(seed = 7): string {
  const random = createRandom(seed);
  const tables: TableSpec[] = Array.from({ length: 62 }, (_, i) => ({ name: `big_table_${i}`, variable: `bigTable${i}`, dialect: 'pg', file: 'big.schema.ts' }));
  const header = `import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAtColumn, requiredUuidColumn, updatedAtColumn } from './shared.schema';
`;
  return `${header}\n${tables.map((t, i) => pgTableSource(t, i > 0 ? tables[i - 1]! : null, random, DEFAULT_RATES, i % 3 === 0)).join('\n')}`;
}
