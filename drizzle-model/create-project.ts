import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import {
  getCallValue,
  getDrizzleModuleDialect,
  getExportValue,
  getMemberValue,
  getStaticString,
  isTableRelatedExport,
  type DrizzleValue,
} from './drizzle-values.js';
import { loadModule, type LoadedModule } from './load-module.js';
import { readModuleText } from './read-module-text.js';
import { parseChain, type CalleeResolver, type HelperDefinition, type ParsedChain, type ResolvedCallee } from './parse-chain.js';
import { isFunctionLike, parseHelperFunction, type FunctionLike } from './parse-helper-function.js';
import { resolveImport } from './resolve-import.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';

/** A column of a shared columns object (`export const timestamps = { createdAt: timestamp(...) }`). */
export interface SharedColumn {
  readonly key: string;
  readonly chain: ParsedChain;
}

/** What a value of the project is, as far as Drizzle schemas are concerned. */
export type ProjectValue =
  | DrizzleValue
  | { readonly kind: 'helper'; readonly helper: HelperDefinition }
  | {
      readonly kind: 'columns';
      /** The variable that holds the object, e.g. `timestamps`; null for an inline object. */
      readonly name: string | null;
      /** Absolute path of the defining module; null for the linted file. */
      readonly module: string | null;
      readonly columns: readonly SharedColumn[];
    }
  /** A namespace import of a project module (`import * as schema from './schema'`). */
  | { readonly kind: 'module'; readonly path: string };

/** How identifiers of one module (or of the linted file) get their values. */
export interface ValueScope {
  /** Absolute path of the module; null for the linted file (whose helpers count as local). */
  readonly module: string | null;
  /** The file the scope's imports are relative to. */
  readonly file: string;
  lookup(id: TSESTree.Identifier): ProjectValue | null;
  /** The initializer of the `const` an identifier names (`createdAt` in `{ createdAt }`), or null. */
  getConstInit(id: TSESTree.Identifier): TSESTree.Expression | null;
}

/** The project as seen from one lint of one file: modules come from the process-wide cache, values are memoized here. */
export interface Project {
  /** The value `specifier`'s export `imported` has (`*`: the module namespace), seen from `fromFile`. */
  getImportValue(specifier: string, imported: string, fromFile: string): ProjectValue | null;
  /** The value of an expression in a scope. */
  evaluate(expression: TSESTree.Expression | TSESTree.FunctionDeclaration, scope: ValueScope, name?: string): ProjectValue | null;
  /** `value.prop`. */
  getMember(value: ProjectValue, prop: string): ProjectValue | null;
  /** A callee resolver for builder chains written in `scope`. */
  getCalleeResolver(scope: ValueScope): CalleeResolver;
  /** The exported column helpers of a module, by exported name (empty when it is missing or does not parse). */
  getModuleHelpers(modulePath: string): ReadonlyMap<string, HelperDefinition>;
  /** The file an import specifier denotes (memoized for this lint). */
  resolve(specifier: string, fromFile: string): string | null;
}

/** Exports that make column builders rather than columns (`pgEnum('role', [...])` → `role('role')`). */
const BUILDER_MAKERS: ReadonlySet<string> = new Set(['pgEnum', 'customType', 'enum']);

/** `pgEnum('role', [...])`, `customType({ dataType() { return 'citext' } })`: a function that builds columns. */
function getColumnBuilderValue(value: DrizzleValue, args: readonly TSESTree.CallExpressionArgument[]): DrizzleValue | null {
  if (value.kind !== 'export') return null;
  if (value.name === 'pgEnum' || value.name === 'enum') {
    return { kind: 'columnBuilder', dialect: value.dialect, builder: 'pgEnum', typeName: getStaticString(args[0]) };
  }
  if (value.name === 'customType') {
    return { kind: 'columnBuilder', dialect: value.dialect, builder: 'customType', typeName: getCustomTypeName(args[0]) };
  }
  return null;
}

/** The string `dataType()` returns in a customType definition, else null. */
function getCustomTypeName(arg: TSESTree.CallExpressionArgument | undefined): string | null {
  if (arg?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const property of arg.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'dataType') continue;
    const fn = property.value;
    if (!isFunctionLike(fn)) return null;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return getStaticString(fn.body);
    const returns = fn.body.body.filter((s): s is TSESTree.ReturnStatement => s.type === AST_NODE_TYPES.ReturnStatement);
    return returns.length === 1 ? getStaticString(returns[0]!.argument) : null;
  }
  return null;
}

function getMemberName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  return member.computed ? getStaticString(member.property) : null;
}

function isDrizzleValue(value: ProjectValue): value is DrizzleValue {
  return value.kind !== 'helper' && value.kind !== 'columns' && value.kind !== 'module';
}

/** How deep re-exports and aliases are followed before giving up (a guard; cycles are caught exactly). */
const MAX_DEPTH = 40;

/**
 * A project view for one lint: it follows imports to the modules that define Drizzle values (schema objects,
 * table creators, enums, custom types, column helpers, shared column objects), through relative paths, tsconfig
 * paths, workspace packages and barrels. Cycles end (a value being computed is unknown while it is computed).
 */
export function createProject(): Project {
  const resolved = new Map<string, string | null>();
  const loaded = new Map<string, LoadedModule | null>();
  const exportValues = new Map<string, ProjectValue | null>();
  const bindingValues = new Map<string, ProjectValue | null>();
  const helperLists = new Map<string, ReadonlyMap<string, HelperDefinition>>();
  const functionHelpers = new WeakMap<FunctionLike, HelperDefinition | null>();
  const inProgress = new Set<string>();
  const resolvers = new WeakMap<ValueScope, CalleeResolver>();

  const resolve = (specifier: string, fromFile: string): string | null => {
    const key = `${fromFile}\0${specifier}`;
    if (!resolved.has(key)) resolved.set(key, resolveImport(specifier, fromFile));
    return resolved.get(key)!;
  };

  const load = (modulePath: string): LoadedModule | null => {
    if (!loaded.has(modulePath)) loaded.set(modulePath, loadModule(modulePath));
    return loaded.get(modulePath)!;
  };

  const moduleScopes = new Map<string, ValueScope>();
  const getModuleScope = (module: LoadedModule): ValueScope => {
    let scope = moduleScopes.get(module.path);
    if (!scope) {
      scope = {
        module: module.path,
        file: module.path,
        lookup: (id) => getBindingValue(module, id.name, 0),
        getConstInit: (id) => {
          const binding = module.bindings.get(id.name);
          return binding?.kind === 'value' ? binding.init : null;
        },
      };
      moduleScopes.set(module.path, scope);
    }
    return scope;
  };

  const getImportValue = (specifier: string, imported: string, fromFile: string, depth = 0): ProjectValue | null => {
    const dialect = getDrizzleModuleDialect(specifier);
    if (dialect) return imported === '*' ? { kind: 'namespace', dialect } : getExportValue(dialect, imported);
    const target = resolve(specifier, fromFile);
    if (!target) return null;
    return imported === '*' ? { kind: 'module', path: target } : getModuleExport(target, imported, depth + 1);
  };

  const getModuleExport = (modulePath: string, name: string, depth: number): ProjectValue | null => {
    const key = `${modulePath}\0${name}`;
    if (exportValues.has(key)) return exportValues.get(key)!;
    if (inProgress.has(key) || depth > MAX_DEPTH) return null;
    const module = load(modulePath);
    if (!module) return null;
    inProgress.add(key);
    let value: ProjectValue | null = null;
    const entry = module.exports.get(name);
    if (entry?.kind === 'local') value = getBindingValue(module, entry.local, depth);
    else if (entry?.kind === 'reexport') value = getImportValue(entry.source, entry.imported, module.path, depth);
    else if (!entry && name !== 'default') {
      // `export * from` (never the default export): the first star target that has the name. A plain text
      // search skips the targets that cannot have it without parsing them.
      const pattern = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
      for (const source of module.starExports) {
        const target = resolve(source, module.path);
        const text = target && !loaded.has(target) ? readModuleText(target) : null;
        if (text !== null && !pattern.test(text)) continue;
        value = getImportValue(source, name, module.path, depth);
        if (value) break;
      }
    }
    inProgress.delete(key);
    exportValues.set(key, value);
    return value;
  };

  const getBindingValue = (module: LoadedModule, name: string, depth: number): ProjectValue | null => {
    const key = `${module.path}\0${name}`;
    if (bindingValues.has(key)) return bindingValues.get(key)!;
    const binding = module.bindings.get(name);
    if (!binding || inProgress.has(`${key}\0local`)) return null;
    inProgress.add(`${key}\0local`);
    const scope = getModuleScope(module);
    let value: ProjectValue | null = null;
    if (binding.kind === 'import') value = getImportValue(binding.source, binding.imported, module.path, depth);
    else if (binding.kind === 'function') value = getFunctionValue(name, binding.fn, scope);
    else if (binding.kind === 'value') value = evaluate(binding.init, scope, name);
    else {
      value = evaluate(binding.source, scope);
      for (const prop of binding.path) value = value && getMember(value, prop);
    }
    inProgress.delete(`${key}\0local`);
    bindingValues.set(key, value);
    return value;
  };

  const getFunctionValue = (name: string, fn: FunctionLike, scope: ValueScope): ProjectValue | null => {
    if (!functionHelpers.has(fn)) {
      functionHelpers.set(fn, null); // a helper that calls itself is not a helper
      functionHelpers.set(fn, parseHelperFunction(name, fn, getCalleeResolver(scope), scope.module));
    }
    const helper = functionHelpers.get(fn)!;
    return helper ? { kind: 'helper', helper } : null;
  };

  const getMember = (value: ProjectValue, prop: string): ProjectValue | null => {
    if (value.kind === 'module') return getModuleExport(value.path, prop, 0);
    if (value.kind === 'columns' || value.kind === 'helper') return null;
    if (value.kind === 'schema' && prop === 'enum') return { kind: 'export', dialect: value.dialect, name: 'enum' };
    return getMemberValue(value, prop);
  };

  const evaluate = (expression: TSESTree.Expression | TSESTree.FunctionDeclaration, scope: ValueScope, name: string | null = null): ProjectValue | null => {
    const node = expression.type === AST_NODE_TYPES.FunctionDeclaration ? expression : skipTypeWrappers(expression);
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return scope.lookup(node);
      case AST_NODE_TYPES.MemberExpression: {
        const prop = getMemberName(node);
        const object = prop === null ? null : evaluate(node.object, scope);
        return object && getMember(object, prop!);
      }
      case AST_NODE_TYPES.CallExpression: {
        if (node.callee.type !== AST_NODE_TYPES.Identifier && node.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
        const callee = evaluate(node.callee, scope);
        if (!callee || !isDrizzleValue(callee)) return null;
        return getColumnBuilderValue(callee, node.arguments) ?? getCallValue(callee, node.arguments);
      }
      case AST_NODE_TYPES.ObjectExpression:
        return getColumnsValue(node, scope, name);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return getFunctionValue(name ?? '<anonymous>', node, scope);
      default:
        return null;
    }
  };

  /** An object whose entries are column chains (or spreads of such objects); null when none is. */
  const getColumnsValue = (object: TSESTree.ObjectExpression, scope: ValueScope, name: string | null): ProjectValue | null => {
    const columns: SharedColumn[] = [];
    const resolver = getCalleeResolver(scope);
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = evaluate(property.argument, scope);
        if (spread?.kind === 'columns') columns.push(...spread.columns);
        continue;
      }
      const key = property.computed ? getStaticString(property.key) : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : getStaticString(property.key);
      const value = property.value;
      if (key === null || value.type === AST_NODE_TYPES.AssignmentPattern || value.type === AST_NODE_TYPES.ObjectPattern ||
        value.type === AST_NODE_TYPES.ArrayPattern || value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression) continue;
      // `{ createdAt }` or `{ createdAt: createdAtColumn }` where `const createdAt = timestamp(...)`.
      const expression = value.type === AST_NODE_TYPES.Identifier ? scope.getConstInit(value) : value;
      const chain = expression && parseChain(expression, resolver);
      if (chain) columns.push({ key, chain });
    }
    return columns.length > 0 ? { kind: 'columns', name, module: scope.module, columns } : null;
  };

  const getCalleeResolver = (scope: ValueScope): CalleeResolver => {
    let resolver = resolvers.get(scope);
    if (resolver) return resolver;
    resolver = {
      resolveCallee(callee): ResolvedCallee | null {
        // Only names and `a.b` start a chain; `uuid('id').primaryKey` is a link, not a start.
        if (
          callee.type !== AST_NODE_TYPES.Identifier &&
          !(callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier)
        ) {
          return null;
        }
        const value = evaluate(callee, scope);
        return value ? getCalleeKind(value) : null;
      },
    };
    resolvers.set(scope, resolver);
    return resolver;
  };

  const getModuleHelpers = (modulePath: string): ReadonlyMap<string, HelperDefinition> => {
    const cached = helperLists.get(modulePath);
    if (cached) return cached;
    const helpers = new Map<string, HelperDefinition>();
    const module = load(modulePath);
    for (const name of module?.exports.keys() ?? []) {
      const value = getModuleExport(modulePath, name, 0);
      if (value?.kind === 'helper') helpers.set(name, { ...value.helper, name });
    }
    helperLists.set(modulePath, helpers);
    return helpers;
  };

  return {
    getImportValue: (specifier, imported, fromFile) => getImportValue(specifier, imported, fromFile),
    evaluate: (expression, scope, name) => evaluate(expression, scope, name ?? null),
    getMember,
    getCalleeResolver,
    getModuleHelpers,
    resolve,
  };
}

/** What a callee value means at the start of a column chain: a builder, a helper, or nothing. */
function getCalleeKind(value: ProjectValue): ResolvedCallee | null {
  if (value.kind === 'helper') return { kind: 'helper', helper: value.helper };
  if (value.kind === 'columnBuilder') return { kind: 'builder', name: value.builder, dialect: value.dialect, typeName: value.typeName };
  if (value.kind === 'export' && !isTableRelatedExport(value.name) && !BUILDER_MAKERS.has(value.name)) {
    return { kind: 'builder', name: value.name, dialect: value.dialect, typeName: null };
  }
  return null;
}
