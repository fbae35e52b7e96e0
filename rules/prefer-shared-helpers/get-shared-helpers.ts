import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getDrizzleModuleDialect, getHelperModulePaths, getProject, parseHelperSource, type Dialect, type HelperDefinition } from '../../drizzle-model/index.js';

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

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The helpers of the modules the file imports a helper from: every helper the imported module exports (through
 * its re-exports too), under the specifier the file wrote (a package or alias specifier is kept as is; a
 * relative one becomes the file it points at).
 */
function getImportedHelpers(context: Context): SharedHelper[] {
  const project = getProject(context.sourceCode.ast);
  const filename = path.resolve(context.cwd, context.filename);
  const helpers: SharedHelper[] = [];
  const done = new Set<string>();
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    const specifier = statement.source.value;
    if (done.has(specifier) || getDrizzleModuleDialect(specifier)) continue;
    const usesHelper = statement.specifiers.some((spec) => {
      if (spec.type !== AST_NODE_TYPES.ImportSpecifier || spec.importKind === 'type') return false;
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
      return project.getImportValue(specifier, imported, filename)?.kind === 'helper';
    });
    if (!usesHelper) continue;
    done.add(specifier);
    const target = project.resolve(specifier, filename);
    if (!target) continue;
    const source: SharedHelper['source'] = specifier.startsWith('.') ? { kind: 'file', path: target } : { kind: 'package', specifier };
    const defining = new Set<string>();
    for (const spec of statement.specifiers) {
      if (spec.type !== AST_NODE_TYPES.ImportSpecifier) continue;
      const imported = spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value;
      const value = project.getImportValue(specifier, imported, filename);
      if (value?.kind === 'helper' && value.helper.module) defining.add(value.helper.module);
    }
    // The helpers of the modules that define the imported ones, offered only under names the import reaches.
    for (const module of defining) {
      for (const [name] of project.getModuleHelpers(module)) {
        const value = project.getImportValue(specifier, name, filename);
        if (value?.kind === 'helper' && value.helper.module === module) {
          helpers.push({ name, definition: { ...value.helper, name }, source, module: specifier });
        }
      }
    }
  }
  return helpers;
}

/**
 * The helpers a schema file can be asked to use: those of the configured helper modules (`settings['drizzle-schema'].helperModules`: see
 * getHelperModulePaths for how paths are found; an entry that is not found is reported by getDrizzleTables and
 * skipped here), those of the modules it imports helpers from (found without configuration), then the explicit `helpers` option, each helper once. Throws when an option body is not a
 * column builder chain.
 */
export function getSharedHelpers(context: Context, helperModules: readonly string[], options: readonly HelperOption[]): readonly SharedHelper[] {
  const project = getProject(context.sourceCode.ast);
  const helpers: SharedHelper[] = [];
  const filename = path.resolve(context.cwd, context.filename);
  const { paths } = getHelperModulePaths(context.cwd, filename, helperModules);
  paths.forEach((absolute) => {
    const module = helperModules.find((entry) => path.resolve(context.cwd, entry) === absolute) ?? path.relative(context.cwd, absolute);
    for (const [name, definition] of project.getModuleHelpers(absolute)) {
      helpers.push({ name, definition, source: { kind: 'file', path: absolute }, module });
    }
  });
  for (const helper of getImportedHelpers(context)) {
    if (!helpers.some((h) => h.name === helper.name && h.definition.module === helper.definition.module)) helpers.push(helper);
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
