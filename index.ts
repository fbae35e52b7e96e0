import type { ESLint, Linter } from 'eslint';
import { rules } from './rules/index.js';
import { getPackageInfo } from './rules/utils/get-package-info.js';

const packageJson = getPackageInfo();

type ConfigName = 'recommended' | 'strict' | 'all';
const PREFIX = 'drizzle-schema';

/** The rule ids at a level, derived from each rule's `meta.docs.recommended` (never a second list). */
function ruleEntries(level: ConfigName): Linter.RulesRecord {
  const entries: Linter.RulesRecord = {};
  for (const [name, rule] of Object.entries(rules)) {
    const recommended = rule.meta.docs?.recommended;
    const included =
      level === 'all' || recommended === 'recommended' || (level === 'strict' && recommended === 'strict');
    if (included) entries[`${PREFIX}/${name}`] = 'error';
  }
  return entries;
}

// ESLint's `Plugin` type does not accept typescript-eslint's RuleModule type: cast once, here.
const plugin = {
  meta: { name: packageJson.name, version: packageJson.version, namespace: PREFIX },
  rules: rules as unknown as NonNullable<ESLint.Plugin['rules']>,
  configs: {} as Record<ConfigName, Linter.Config>,
} satisfies ESLint.Plugin;

for (const level of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[level] = { name: `${PREFIX}/${level}`, plugins: { [PREFIX]: plugin }, rules: ruleEntries(level) };
}

export default plugin;
// `require('eslint-plugin-drizzle-schema')` from a CommonJS config (Node's require(esm), Node >= 20.19) returns the
// value exported as "module.exports": the plugin itself, not a namespace object with a `default` key.
export { plugin as 'module.exports' };
export type { DrizzleSchemaSettings } from './drizzle-model/settings.js';
