import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { loadHelperModule, parseHelperSource, type Dialect, type HelperDefinition } from '../../drizzle-model/index.js';

/** An explicit helper from the rule's `helpers` option. */
export interface HelperOption {
  readonly name: string;
  readonly module: string;
  readonly body: string;
  readonly dialect?: Dialect;
}

/** A helper the rule can suggest, with where it is imported from. */
export interface SharedHelper {
  /** The exported name. */
  readonly name: string;
  readonly definition: HelperDefinition;
  /** A file (absolute path; imports get a relative specifier) or a package specifier used verbatim. */
  readonly source: { readonly kind: 'file'; readonly path: string } | { readonly kind: 'package'; readonly specifier: string };
  /** The module as configured, for messages. */
  readonly module: string;
}

/** Parsed option bodies, keyed by the configured options array (stable for one config). */
const optionCache = new WeakMap<readonly HelperOption[], readonly HelperDefinition[]>();

function parseOptionHelpers(options: readonly HelperOption[]): readonly HelperDefinition[] {
  const cached = optionCache.get(options);
  if (cached) return cached;
  const definitions = options.map((option, i) => {
    const definition = parseHelperSource(option.name, option.body, option.dialect ?? 'pg');
    if (!definition) {
      throw new Error(
        `eslint-plugin-drizzle-schema: prefer-shared-helpers option helpers[${i}] (${option.name}): the body ${JSON.stringify(option.body)} is not a Drizzle column builder chain`,
      );
    }
    return definition;
  });
  optionCache.set(options, definitions);
  return definitions;
}

/** `./x`, `../x` and absolute paths are files relative to the working directory; anything else is a package specifier. */
function isFileModule(module: string): boolean {
  return module.startsWith('./') || module.startsWith('../') || path.isAbsolute(module);
}

/**
 * The helpers of the configured helper modules (`settings['drizzle-schema'].helperModules`, paths relative to
 * `context.cwd`, each read once per run and cached by path and mtime), in configuration and export order,
 * followed by the explicit `helpers` option. Throws when a helper module does not exist or an option body
 * is not a column builder chain.
 */
export function getSharedHelpers(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  helperModules: readonly string[],
  options: readonly HelperOption[],
): readonly SharedHelper[] {
  const helpers: SharedHelper[] = [];
  for (const module of helperModules) {
    const absolute = path.resolve(context.cwd, module);
    for (const [name, definition] of loadHelperModule(absolute).helpers) {
      helpers.push({ name, definition, source: { kind: 'file', path: absolute }, module });
    }
  }
  const definitions = parseOptionHelpers(options);
  options.forEach((option, i) => {
    const source: SharedHelper['source'] = isFileModule(option.module)
      ? { kind: 'file', path: path.resolve(context.cwd, option.module) }
      : { kind: 'package', specifier: option.module };
    helpers.push({ name: option.name, definition: definitions[i]!, source, module: option.module });
  });
  return helpers;
}
