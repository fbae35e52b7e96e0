/**
 * The project model's cost in an editor, with no settings at all (`configs.all`, so every value comes from the
 * project: a `pgSchema` object, an enum, helpers and a spread of shared columns, all imported, and `casing` from
 * drizzle.config.ts):
 * - a ~4,000-line schema file linted alone, again and again (warm module cache): rule time over parse time;
 * - the first lint of one file of a 50-file schema folder whose files import through a barrel (`index.ts`,
 *   `export *` of every file) with a cold module cache (every module's mtime changed first, so each is read and
 *   parsed again): rule time, which includes reading the imported modules, over the file's own parse time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../index.js';
import { median } from './stats.js';

export interface ProjectModelResult {
  readonly bigFile: { readonly lines: number; readonly runs: number; readonly parseMs: number; readonly rulesMs: number; readonly ratio: number };
  readonly coldFolder: {
    readonly files: number;
    readonly samples: number;
    /** Medians over the sampled files: the file's parse, the rules on a cold and on a warm module cache. */
    readonly parseMs: number;
    readonly coldRulesMs: number;
    readonly warmRulesMs: number;
    readonly coldRatio: number;
    readonly warmRatio: number;
  };
}

const CONFIG: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser as Linter.Parser, sourceType: 'module' } }, plugin.configs.all];

const SHARED: Readonly<Record<string, string>> = {
  'drizzle.config.ts': "import { defineConfig } from 'drizzle-kit';\n\nexport default defineConfig({ dialect: 'postgresql', schema: './src/schema', casing: 'snake_case' });\n",
  'src/schema/schemas.ts': "import { pgSchema } from 'drizzle-orm/pg-core';\n\nexport const appSchema = pgSchema('app');\n",
  'src/schema/enums.ts': "import { pgEnum } from 'drizzle-orm/pg-core';\n\nexport const statusEnum = pgEnum('status', ['draft', 'active', 'archived']);\n",
  'src/schema/columns.ts': [
    "import { timestamp, uuid } from 'drizzle-orm/pg-core';",
    '',
    'export const idColumn = () => uuid().primaryKey().defaultRandom();',
    'export const requiredUuidColumn = (name: string) => uuid(name).notNull();',
    "export const createdAtColumn = () => timestamp('created_at', { precision: 3, withTimezone: true }).defaultNow().notNull();",
    'export const timestamps = {',
    "  createdAt: timestamp('created_at', { precision: 3, withTimezone: true }).defaultNow().notNull(),",
    "  updatedAt: timestamp('updated_at', { precision: 3, withTimezone: true }),",
    '};',
    '',
  ].join('\n'),
};

/** One table of about 16 lines; every fourth has a foreign key to the previous table without an index. */
function tableSource(name: string, previous: string | null, i: number): string {
  const fk = previous ? `  parentId: requiredUuidColumn('parent_id').references(() => ${previous}.id, { onDelete: 'cascade' }),\n` : '';
  const index = previous && i % 4 !== 0 ? `, (t) => [index('${name}_parent_id_idx').on(t.parentId)]` : '';
  return `export const ${name} = table('${name}', {
  id: idColumn(),
${fk}  title: text().notNull(),
  slug: varchar({ length: 120 }).notNull().unique(),
  status: statusEnum().default('draft').notNull(),
  position: integer().default(0).notNull(),
  isVisible: boolean().default(true).notNull(),
  metadata: jsonb().$type<Record<string, string>>(),
  publishedAt: timestamp({ precision: 3, withTimezone: true }),
  ...timestamps,
}${index});
`;
}

function schemaFile(names: readonly string[], importsFrom: string, foreign: { name: string; from: string } | null): string {
  const header = [
    "import { boolean, index, integer, jsonb, text, timestamp, varchar } from 'drizzle-orm/pg-core';",
    `import { appSchema, idColumn, requiredUuidColumn, statusEnum, timestamps } from '${importsFrom}';`,
    ...(foreign ? [`import { ${foreign.name} } from '${foreign.from}';`] : []),
    '',
    'const { table } = appSchema;',
    '',
  ].join('\n');
  return header + names.map((name, i) => tableSource(name, i > 0 ? names[i - 1]! : (foreign?.name ?? null), i)).join('\n');
}

function write(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

async function lintOne(dir: string, filePath: string): Promise<{ parseMs: number; rulesMs: number }> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: CONFIG, stats: true });
  const [result] = await eslint.lintFiles([filePath]);
  if (!result || result.messages.some((m) => m.fatal === true || m.ruleId === null)) {
    throw new Error(`project-model bench: ${filePath}: ${result?.messages[0]?.message ?? 'no result'}`);
  }
  let parseMs = 0;
  let rulesMs = 0;
  for (const pass of result.stats?.times.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    for (const time of Object.values(pass.rules ?? {})) rulesMs += time.total;
  }
  return { parseMs, rulesMs };
}

/** Give every module of the folder a new mtime, so the model's caches read and parse each again. */
function invalidate(dir: string, step: number): void {
  const when = new Date(Date.now() + step * 1000);
  for (const entry of fs.readdirSync(path.join(dir, 'src/schema'))) fs.utimesSync(path.join(dir, 'src/schema', entry), when, when);
}

export async function benchProjectModel(options: { runs: number; coldSamples: number; log?: (line: string) => void }): Promise<ProjectModelResult> {
  const log = options.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-model-bench-'));
  try {
    // A ~4,000-line file, importing from the modules directly.
    const bigNames = Array.from({ length: 310 }, (_, i) => `bigTable${i}`);
    const big = schemaFile(bigNames, './index', null);
    const tableFiles = 46;
    const names = (k: number) => Array.from({ length: 5 }, (_, i) => `t${k}_${i}`);
    const folder: Record<string, string> = { ...SHARED, 'src/schema/big.ts': big };
    const barrel = ["export * from './schemas';", "export * from './enums';", "export * from './columns';"];
    for (let k = 0; k < tableFiles; k++) {
      const foreign = k > 0 ? { name: names(k - 1)[4]!, from: `./tables-${k - 1}` } : null;
      folder[`src/schema/tables-${k}.ts`] = schemaFile(names(k), './index', foreign);
      barrel.push(`export * from './tables-${k}';`);
    }
    folder['src/schema/index.ts'] = `${barrel.join('\n')}\n`;
    write(dir, folder);

    const bigPath = path.join(dir, 'src/schema/big.ts');
    for (let i = 0; i < 5; i++) await lintOne(dir, bigPath); // warm-up
    const bigRuns: { parseMs: number; rulesMs: number }[] = [];
    for (let i = 0; i < options.runs; i++) bigRuns.push(await lintOne(dir, bigPath));
    const bigFile = {
      lines: big.split('\n').length,
      runs: options.runs,
      parseMs: median(bigRuns.map((r) => r.parseMs)),
      rulesMs: median(bigRuns.map((r) => r.rulesMs)),
      ratio: median(bigRuns.map((r) => r.rulesMs / r.parseMs)),
    };
    log(`  ${bigFile.lines}-line file: rules / parse ${(bigFile.ratio * 100).toFixed(1)} %`);

    const cold: { parseMs: number; rulesMs: number }[] = [];
    const warm: { parseMs: number; rulesMs: number }[] = [];
    for (let i = 0; i < options.coldSamples; i++) {
      const file = path.join(dir, `src/schema/tables-${(i * 7 + 3) % tableFiles}.ts`);
      invalidate(dir, i + 1);
      cold.push(await lintOne(dir, file));
      warm.push(await lintOne(dir, file));
    }
    const parseMs = median(cold.map((r) => r.parseMs));
    const coldFolder = {
      files: Object.keys(folder).filter((f) => f.startsWith('src/schema/') && f !== 'src/schema/big.ts').length + 1,
      samples: options.coldSamples,
      parseMs,
      coldRulesMs: median(cold.map((r) => r.rulesMs)),
      warmRulesMs: median(warm.map((r) => r.rulesMs)),
      coldRatio: median(cold.map((r) => r.rulesMs / r.parseMs)),
      warmRatio: median(warm.map((r) => r.rulesMs / r.parseMs)),
    };
    log(`  first lint, cold module cache: rules / parse ${(coldFolder.coldRatio * 100).toFixed(0)} % (warm ${(coldFolder.warmRatio * 100).toFixed(0)} %)`);
    return { bigFile, coldFolder };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The rows of the targets table for these figures. */
export function getProjectModelTargetRows(result: ProjectModelResult): string[] {
  const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const { bigFile, coldFolder } = result;
  return [
    `| editor: rules / parse, one ${bigFile.lines}-line schema file, project model on, no settings | ≤ 10 % | ${percent(bigFile.ratio)} | ${verdict(bigFile.ratio <= 0.1)} |`,
    `| first lint of a file of a ${coldFolder.files}-file schema folder, cold module cache: rules / parse | ≤ 200 % | ${percent(coldFolder.coldRatio)} | ${verdict(coldFolder.coldRatio <= 2)} |`,
  ];
}

/** The docs/performance.md lines for these figures. */
export function getProjectModelDocLines(result: ProjectModelResult): string[] {
  const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
  const { bigFile, coldFolder } = result;
  return [
    '',
    '### The project model (no settings: values, helpers and casing read from the project)',
    '',
    `Every rule, no settings; the schema object, an enum, the helpers and a spread of shared columns are imported, \`casing\` comes from drizzle.config.ts. Medians, ESLint stats.`,
    '',
    '| case | parse | rules | rules / parse | target |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| one ${bigFile.lines}-line schema file, linted alone ${bigFile.runs} times (warm module cache) | ${bigFile.parseMs.toFixed(1)} ms | ${bigFile.rulesMs.toFixed(1)} ms | ${percent(bigFile.ratio)} | ≤ 10 % |`,
    `| first lint of a file of a ${coldFolder.files}-file schema folder importing through a barrel, cold module cache (${coldFolder.samples} files) | ${coldFolder.parseMs.toFixed(1)} ms | ${coldFolder.coldRulesMs.toFixed(1)} ms | ${percent(coldFolder.coldRatio)} | ≤ 200 % |`,
    `| the same file linted again (warm module cache) | ${coldFolder.parseMs.toFixed(1)} ms | ${coldFolder.warmRulesMs.toFixed(1)} ms | ${percent(coldFolder.warmRatio)} | |`,
  ];
}
