import { describe, expect, it } from 'vitest';
import { getClientCasing } from '../../../drizzle-model/get-client-casing.js';
import { parseColumnFlag } from '../../../codemods/manifest.js';
import { buildPlan } from '../../../codemods/plan.js';
import type { SourceFile } from '../../../codemods/prefilter.js';
import { runRename } from '../../../codemods/run.js';
import { createProject } from './temp-project.js';

const CLIENT = "import { drizzle } from 'drizzle-orm/postgres-js';\nimport * as schema from './schema';\nexport const db = drizzle(client, { schema, casing: 'snake_case' });\n";
const SCHEMA = "import { pgTable, text, uuid } from 'drizzle-orm/pg-core';\nexport const customers = pgTable('customers', {\n  id: uuid().primaryKey().defaultRandom(),\n  billingEmail: text(),\n});\n";

function file(path: string, source: string): SourceFile {
  return { path, absolutePath: `/p/${path}`, kind: 'code', isAppliedMigration: false, isReplayed: false, source };
}

describe('getClientCasing', () => {
  it('reads a literal casing passed to drizzle() in a file that imports a driver entry', () => {
    expect(getClientCasing([file('src/db/client.ts', CLIENT), file('src/db/schema.ts', SCHEMA)])).toEqual({ casing: 'snake_case', files: ['src/db/client.ts'] });
  });

  it('is null without a driver import, and when files disagree', () => {
    expect(getClientCasing([file('a.ts', "const casing = { casing: 'snake_case' }; drizzle(x);")])).toBeNull();
    const camel = CLIENT.replace('snake_case', 'camelCase');
    expect(getClientCasing([file('a.ts', CLIENT), file('b.ts', camel)])).toBeNull();
  });
});

describe('a column rename when the casing is set only in the drizzle() call', () => {
  it('renames the name-less schema column by its DB name and says where the casing came from', async () => {
    const project = createProject({ 'src/db/client.ts': CLIENT, 'src/db/schema.ts': SCHEMA }, { git: true });
    const plan = buildPlan({ tables: [], columns: [parseColumnFlag('customers.billing_email=invoice_email')] }, { knownTables: new Set(['public.customers']) });
    const report = await runRename({ cwd: project.root, plan, dryRun: false, force: false });
    expect(project.read('src/db/schema.ts')).toContain("billingEmail: text('invoice_email'),");
    expect(report.warnings).toContain("casing snake_case taken from the drizzle() call in src/db/client.ts (drizzle.config.* does not set it); pass --casing to override");
  });
});
