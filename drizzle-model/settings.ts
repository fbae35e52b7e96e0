import type { TSESLint } from '@typescript-eslint/utils';
import type { Casing } from '../naming/casing.js';

/** `settings['drizzle-schema']`, shared by every rule. */
export interface DrizzleSchemaSettings {
  /**
   * How drizzle derives a DB name from a key when a column has no name string (drizzle's `casing` option).
   * Null when not set: the nearest drizzle.config.* above the linted file decides, else `preserve`.
   */
  readonly casing: Casing | null;
  /** `'safe'` (default): only edits that leave the generated SQL unchanged are autofixes; `'all'`: database-changing edits too. */
  readonly autofix: 'safe' | 'all';
  /**
   * Helper modules whose exported column helpers rules understand and `prefer-shared-helpers` suggests, beyond
   * the ones schema files import (found without configuration). Relative paths: from ESLint's working directory,
   * else from the nearest folder above the linted file where the file exists.
   */
  readonly helperModules: readonly string[];
}

const CASINGS: readonly Casing[] = ['snake_case', 'camelCase', 'preserve'];
const cache = new WeakMap<object, DrizzleSchemaSettings>();
/** No settings at all: one object, so the facts cached per file (keyed by the settings) are shared by every rule. */
const NO_SETTINGS = Object.freeze({});

function fail(message: string): never {
  throw new Error(`eslint-plugin-drizzle-schema: settings['drizzle-schema'].${message}`);
}

/** Validated settings with defaults. Throws a clear configuration error on a wrong value. */
export function getSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): DrizzleSchemaSettings {
  const raw = (context.settings as Record<string, unknown>)['drizzle-schema'] ?? NO_SETTINGS;
  if (typeof raw !== 'object' || raw === null) fail(' must be an object');
  const cached = cache.get(raw);
  if (cached) return cached;
  const { casing = null, autofix = 'safe', helperModules = [], ...rest } = raw as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) fail(`${unknown[0]} is not a known setting (known: casing, autofix, helperModules)`);
  if (casing !== null && !CASINGS.includes(casing as Casing)) fail(`casing must be one of ${CASINGS.join(', ')}, got ${JSON.stringify(casing)}`);
  if (autofix !== 'safe' && autofix !== 'all') fail(`autofix must be 'safe' or 'all', got ${JSON.stringify(autofix)}`);
  if (!Array.isArray(helperModules) || !helperModules.every((m) => typeof m === 'string')) {
    fail('helperModules must be an array of paths');
  }
  const settings: DrizzleSchemaSettings = { casing: casing as Casing | null, autofix, helperModules };
  cache.set(raw, settings);
  return settings;
}
