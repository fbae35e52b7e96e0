import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import { getDrizzleModuleDialect, isTableRelatedExport } from './drizzle-values.js';
import { getHelperModulePath, loadHelperModule } from './helper-modules.js';
import type { CalleeResolver, HelperDefinition, ResolvedCallee } from './parse-chain.js';
import { isFunctionLike, parseHelperFunction, type FunctionLike } from './parse-helper-function.js';
import type { Dialect } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface FileResolver extends CalleeResolver {
  /** The drizzle export a callee names (`index`, `uniqueIndex`, `foreignKey`, …), or null. */
  resolveDrizzleExport(callee: TSESTree.Expression): { readonly name: string; readonly dialect: Dialect } | null;
  /** The same resolver, where members of `param` (drizzle's columns callback `(t) => ({ id: t.uuid() })`) are builders. */
  withColumnsParam(param: string, dialect: Dialect): CalleeResolver;
}

/** The variable an identifier refers to, or null. */
function getVariable(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(id), id);
}

/**
 * Resolves callees in the linted file through its scopes: drizzle imports (named, aliased, namespace),
 * helpers imported from the configured helper modules, and local helper functions.
 */
export function createFileResolver(context: Context, helperModules: readonly string[]): FileResolver {
  const { sourceCode } = context;
  const helperPaths = helperModules.map((m) => path.resolve(context.cwd, m));
  const localHelpers = new WeakMap<FunctionLike, HelperDefinition | null>();
  const inProgress = new WeakSet<FunctionLike>();

  const getImport = (id: TSESTree.Identifier) => {
    const def = getVariable(sourceCode, id)?.defs[0];
    if (def?.type !== 'ImportBinding' || def.parent.type !== AST_NODE_TYPES.ImportDeclaration) return null;
    return { declaration: def.parent, specifier: def.node };
  };

  const getImportedName = (specifier: TSESTree.Node): string | null => {
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return null;
    return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
  };

  const resolveDrizzleExport: FileResolver['resolveDrizzleExport'] = (callee) => {
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const found = getImport(callee);
      const dialect = found && getDrizzleModuleDialect(found.declaration.source.value);
      const name = found && getImportedName(found.specifier);
      return dialect && name ? { name, dialect } : null;
    }
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !callee.computed &&
      callee.object.type === AST_NODE_TYPES.Identifier &&
      callee.property.type === AST_NODE_TYPES.Identifier
    ) {
      const found = getImport(callee.object);
      const dialect = found && getDrizzleModuleDialect(found.declaration.source.value);
      if (dialect && found.specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { name: callee.property.name, dialect };
    }
    return null;
  };

  const getLocalHelper = (name: string, fn: FunctionLike): HelperDefinition | null => {
    if (localHelpers.has(fn)) return localHelpers.get(fn)!;
    if (inProgress.has(fn)) return null;
    inProgress.add(fn);
    const helper = parseHelperFunction(name, fn, resolver, null);
    inProgress.delete(fn);
    localHelpers.set(fn, helper);
    return helper;
  };

  const resolveHelper = (callee: TSESTree.Identifier): HelperDefinition | null => {
    const variable = getVariable(sourceCode, callee);
    const def = variable?.defs[0];
    if (!def) return null;
    if (def.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration) {
      const modulePath = getHelperModulePath(def.parent.source.value, context.filename, helperPaths);
      const imported = getImportedName(def.node);
      return modulePath && imported ? loadHelperModule(modulePath).helpers.get(imported) ?? null : null;
    }
    if (def.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) return getLocalHelper(callee.name, def.node);
    if (
      def.type === 'Variable' &&
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const' &&
      isFunctionLike(def.node.init)
    ) {
      return getLocalHelper(callee.name, def.node.init);
    }
    return null;
  };

  const resolver: FileResolver = {
    resolveCallee(callee): ResolvedCallee | null {
      const drizzle = resolveDrizzleExport(callee);
      if (drizzle) return isTableRelatedExport(drizzle.name) ? null : { kind: 'builder', ...drizzle };
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const helper = resolveHelper(callee);
        return helper ? { kind: 'helper', helper } : null;
      }
      return null;
    },
    resolveDrizzleExport,
    withColumnsParam(param, dialect) {
      return {
        resolveCallee(callee) {
          if (
            callee.type === AST_NODE_TYPES.MemberExpression &&
            !callee.computed &&
            callee.object.type === AST_NODE_TYPES.Identifier &&
            callee.object.name === param &&
            callee.property.type === AST_NODE_TYPES.Identifier
          ) {
            return { kind: 'builder', name: callee.property.name, dialect };
          }
          return resolver.resolveCallee(callee);
        },
      };
    },
  };
  return resolver;
}
