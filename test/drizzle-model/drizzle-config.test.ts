import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDrizzleConfig, parseDrizzleConfig } from '../../drizzle-model/drizzle-config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('parseDrizzleConfig', () => {
  it('reads defineConfig({...}) with out, dialect, schema, casing and migrations', () => {
    const config = parseDrizzleConfig(
      `import { defineConfig } from 'drizzle-kit';
       export default defineConfig({
         dialect: 'postgresql',
         schema: ['./src/db/schema/*.ts', \`./src/auth.ts\`],
         out: './drizzle',
         casing: 'snake_case',
         dbCredentials: { url: process.env.DATABASE_URL! },
         migrations: { prefix: 'timestamp', table: '__migrations', schema: 'drizzle' },
       });`,
      '/repo/apps/api/drizzle.config.ts',
    );
    expect(config).toEqual({
      path: '/repo/apps/api/drizzle.config.ts',
      dialect: 'postgresql',
      schema: ['./src/db/schema/*.ts', './src/auth.ts'],
      out: '/repo/apps/api/drizzle',
      casing: 'snake_case',
      migrationsPrefix: 'timestamp',
      migrationsTable: '__migrations',
      migrationsSchema: 'drizzle',
      breakpoints: true,
    });
  });

  it('reads a const exported later, `satisfies Config`, module.exports and JSON; defaults out to drizzle/', () => {
    const viaConst = parseDrizzleConfig("const config = { schema: './s.ts', dialect: 'sqlite' } satisfies Config;\nexport default config;", '/p/drizzle.config.ts');
    expect(viaConst).toMatchObject({ schema: ['./s.ts'], dialect: 'sqlite', out: '/p/drizzle', casing: null });
    const commonjs = parseDrizzleConfig("module.exports = { out: 'migrations', breakpoints: false, casing: 'camelCase' };", '/p/drizzle.config.cjs');
    expect(commonjs).toMatchObject({ out: '/p/migrations', breakpoints: false, casing: 'camelCase' });
    expect(parseDrizzleConfig('{"out":"db","dialect":"mysql"}', '/p/drizzle.config.json')).toMatchObject({ out: '/p/db', dialect: 'mysql' });
  });

  it('is null for a config it cannot read statically, and ignores non-literal values', () => {
    expect(parseDrizzleConfig('export default makeConfig', '/p/drizzle.config.ts')).toBeNull();
    expect(parseDrizzleConfig('export default {', '/p/drizzle.config.ts')).toBeNull();
    expect(parseDrizzleConfig('export default defineConfig({ out: process.env.OUT, casing: "kebab" })', '/p/drizzle.config.ts')).toMatchObject({ out: '/p/drizzle', casing: null });
  });
});

describe('findDrizzleConfig', () => {
  it('finds the nearest config in a folder or above it, up to the stop folder', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-config-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'apps/api/src/db'), { recursive: true });
    fs.writeFileSync(path.join(root, 'apps/api/drizzle.config.ts'), "export default { casing: 'snake_case' };");
    expect(findDrizzleConfig(path.join(root, 'apps/api/src/db'))?.path).toBe(path.join(root, 'apps/api/drizzle.config.ts'));
    expect(findDrizzleConfig(path.join(root, 'apps/api/src/db'), path.join(root, 'apps/api/src'))).toBeNull();
    expect(findDrizzleConfig(root)).toBeNull();
  });

  it("resolves `out` as drizzle-kit does for a config below its package: from the package folder where it exists", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'drizzle-schema-config-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'apps/api/server/db'), { recursive: true });
    fs.mkdirSync(path.join(root, 'apps/api/drizzle/meta'), { recursive: true });
    fs.writeFileSync(path.join(root, 'apps/api/package.json'), '{}');
    fs.writeFileSync(path.join(root, 'apps/api/server/db/drizzle.config.ts'), "export default { out: 'drizzle', schema: './server/db/schema.ts' };");
    expect(findDrizzleConfig(path.join(root, 'apps/api/server/db'))?.out).toBe(path.join(root, 'apps/api/drizzle'));
    // An `out` folder that exists nowhere yet is the config's own.
    fs.mkdirSync(path.join(root, 'apps/web/db'), { recursive: true });
    fs.writeFileSync(path.join(root, 'apps/web/package.json'), '{}');
    fs.writeFileSync(path.join(root, 'apps/web/db/drizzle.config.ts'), "export default { out: 'migrations' };");
    expect(findDrizzleConfig(path.join(root, 'apps/web/db'))?.out).toBe(path.join(root, 'apps/web/db/migrations'));
  });
});
