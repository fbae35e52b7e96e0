import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import parser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../index.js';
import { rules } from '../rules/index.js';

const root = path.resolve(import.meta.dirname, '..');
const ruleFiles = fs
  .readdirSync(path.join(root, 'rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();
const ruleNames = Object.keys(rules);

type Schema = { type?: string; properties?: Record<string, Schema & { description?: string }>; items?: Schema | Schema[]; additionalProperties?: unknown };

/** Every object schema closes its properties and describes each one. */
function collectSchemaProblems(schema: Schema, where: string): string[] {
  const problems: string[] = [];
  if (schema.type === 'object') {
    if (schema.additionalProperties !== false) problems.push(`${where}: additionalProperties must be false`);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      if (!prop.description) problems.push(`${where}.${key}: missing description`);
      problems.push(...collectSchemaProblems(prop, `${where}.${key}`));
    }
  }
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  items.forEach((item, i) => problems.push(...collectSchemaProblems(item, `${where}[${i}]`)));
  return problems;
}

describe('plugin', () => {
  it('registers every rule file, in alphabetical order', () => {
    expect(ruleNames).toEqual(ruleFiles);
    expect([...ruleNames].sort()).toEqual(ruleNames);
  });

  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string; repository: { url: string } };

  it('exposes meta with the package name and namespace', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'drizzle-schema' });
  });

  describe.each(ruleNames)('%s', (name) => {
    const rule = rules[name as keyof typeof rules];
    it('is documented, with a doc URL that points at its doc page as of this version', () => {
      expect(rule.meta.docs!.url).toBe(`https://github.com/drizzle-schema/eslint-plugin-drizzle-schema/blob/v${pkg.version}/docs/rules/${name}.md`);
      expect(fs.existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
      expect(rule.meta.docs!.description).toMatch(/^(Enforce|Require|Disallow) /);
    });

    it('has an option schema ESLint accepts, closed and described', () => {
      const schemas = (Array.isArray(rule.meta.schema) ? rule.meta.schema : [rule.meta.schema]) as Schema[];
      expect(schemas.flatMap((s, i) => collectSchemaProblems(s, `options[${i}]`))).toEqual([]);
      const linter = new Linter({ configType: 'flat' });
      const messages = linter.verify('export {};', {
        files: ['**/*.ts'],
        languageOptions: { parser: parser as Linter.Parser },
        plugins: { 'drizzle-schema': plugin },
        rules: { [`drizzle-schema/${name}`]: 'error' },
      }, 'x.ts');
      expect(messages).toEqual([]);
    });

    it('is in the configs its docs.recommended says', () => {
      const id = `drizzle-schema/${name}`;
      const level = rule.meta.docs!.recommended;
      expect(id in plugin.configs.all.rules!).toBe(true);
      expect(id in plugin.configs.strict.rules!).toBe(level === 'recommended' || level === 'strict');
      expect(id in plugin.configs.recommended.rules!).toBe(level === 'recommended');
    });

    it('declares fixable or hasSuggestions only when it can fix or suggest', () => {
      const source = fs.readFileSync(path.join(root, 'rules', `${name}.ts`), 'utf8');
      const usesFix = /\bfix\b/.test(source) || source.includes('reportDatabaseChange');
      expect(Boolean(rule.meta.fixable) || Boolean(rule.meta.hasSuggestions)).toBe(usesFix);
    });
  });

  it('has a recommended config and a larger strict one; all has every rule', () => {
    const idsOf = (level: 'recommended' | 'strict' | 'all') => Object.keys(plugin.configs[level].rules!).map((id) => id.replace('drizzle-schema/', ''));
    expect(idsOf('recommended')).toEqual([
      'column-name-snake-case',
      'identifier-length',
      'index-foreign-keys',
      'no-set-null-on-required',
      'prefer-shared-helpers',
      'timestamp-precision',
      'uuid-primary-key',
    ]);
    expect(idsOf('strict')).toEqual([...idsOf('recommended'), 'require-foreign-key', 'require-timestamps'].sort());
    // Every rule today is in recommended or strict, so all has the same rules as strict; a rule without
    // docs.recommended would be in all only.
    expect(idsOf('all')).toEqual(ruleNames);
  });

  it('builds configs whose plugin entry is the plugin itself', () => {
    for (const level of ['recommended', 'strict', 'all'] as const) {
      expect(plugin.configs[level].name).toBe(`drizzle-schema/${level}`);
      expect(plugin.configs[level].plugins?.['drizzle-schema']).toBe(plugin);
    }
  });
});
