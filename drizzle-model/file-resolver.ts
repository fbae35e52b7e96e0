import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import * as ASTUtils from '@typescript-eslint/utils/ast-utils';
import type { Project, ProjectValue, ValueScope } from './create-project.js';
import { getDrizzleModuleDialect } from './drizzle-values.js';
import { getHelperModulePath } from './helper-modules.js';
import { getPatternPath } from './get-pattern-path.js';
import type { CalleeResolver } from './parse-chain.js';
import type { Dialect } from './types.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface FileResolver extends CalleeResolver {
  /** The drizzle export a callee names (`index`, `uniqueIndex`, `foreignKey`, …), or null. */
  resolveDrizzleExport(callee: TSESTree.Expression): { readonly name: string; readonly dialect: Dialect } | null;
  /** The same resolver, where members of `param` (drizzle's columns callback `(t) => ({ id: t.uuid() })`) are builders. */
  withColumnsParam(param: string, dialect: Dialect): CalleeResolver;
  /** The project value of an expression of the linted file (through its scopes and imports), or null. */
  evaluate(expression: TSESTree.Expression): ProjectValue | null;
}

/**
 * The variable an identifier refers to, or null. `getScope` already returns the innermost scope of the
 * identifier, so the lookup goes by name (passing the node would rescan every child scope of the module: one per
 * arrow function in a large schema file).
 */
function getVariable(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, scope = sourceCode.getScope(id)): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(scope, id.name);
}

function getImportedName(specifier: TSESTree.Node): string | null {
  if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return '*';
  if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) return 'default';
  if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return null;
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/**
 * Resolves callees in the linted file through its scopes: drizzle imports (named, aliased, namespace), values
 * imported from the project's modules (helpers, enums, custom types, schema objects: see createProject), local
 * helper functions, enums and custom types, and helpers of the configured helper modules that an import names
 * by a specifier the project cannot resolve (a path alias without a tsconfig entry).
 */
export function createFileResolver(context: Context, project: Project, helperPaths: readonly string[]): FileResolver {
  const { sourceCode } = context;
  const values = new WeakMap<TSESLint.Scope.Variable, ProjectValue | null>();
  /** Variables by scope and name: a schema file looks the same few names up thousands of times. */
  const variables = new WeakMap<TSESLint.Scope.Scope, Map<string, TSESLint.Scope.Variable | null>>();
  const findVariable = (id: TSESTree.Identifier): TSESLint.Scope.Variable | null => {
    const scope = sourceCode.getScope(id);
    let byName = variables.get(scope);
    if (!byName) variables.set(scope, (byName = new Map()));
    if (!byName.has(id.name)) byName.set(id.name, getVariable(sourceCode, id, scope));
    return byName.get(id.name)!;
  };

  const getImportValue = (def: TSESLint.Scope.Definition): ProjectValue | null => {
    if (def.parent?.type !== AST_NODE_TYPES.ImportDeclaration || def.parent.importKind === 'type') return null;
    const imported = getImportedName(def.node);
    if (imported === null) return null;
    const specifier = def.parent.source.value;
    const value = project.getImportValue(specifier, imported, context.filename);
    if (value || getDrizzleModuleDialect(specifier)) return value;
    const configured = getHelperModulePath(specifier, context.filename, helperPaths);
    const helper = configured ? project.getModuleHelpers(configured).get(imported) : undefined;
    return helper ? { kind: 'helper', helper } : null;
  };

  const getVariableValue = (variable: TSESLint.Scope.Variable): ProjectValue | null => {
    if (values.has(variable)) return values.get(variable)!;
    values.set(variable, null); // a value being computed is unknown to itself
    const def = variable.defs[0];
    let value: ProjectValue | null = null;
    if (def?.type === 'ImportBinding') value = getImportValue(def);
    else if (def?.type === 'FunctionName' && def.node.type === AST_NODE_TYPES.FunctionDeclaration) value = project.evaluate(def.node, scope, variable.name);
    else if (
      def?.type === 'Variable' &&
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.node.init &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const'
    ) {
      const { id, init } = def.node;
      if (id.type === AST_NODE_TYPES.Identifier) value = project.evaluate(init, scope, variable.name);
      else if (id.type === AST_NODE_TYPES.ObjectPattern) {
        const path = getPatternPath(id, variable.name);
        value = path ? project.evaluate(init, scope) : null;
        for (const prop of path ?? []) value = value && project.getMember(value, prop);
      }
    }
    values.set(variable, value);
    return value;
  };

  const scope: ValueScope = {
    module: null,
    file: context.filename,
    lookup(id) {
      const variable = findVariable(id);
      return variable ? getVariableValue(variable) : null;
    },
    getConstInit(id) {
      const def = findVariable(id)?.defs[0];
      return def?.type === 'Variable' &&
        def.node.type === AST_NODE_TYPES.VariableDeclarator &&
        def.node.id.type === AST_NODE_TYPES.Identifier &&
        def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
        def.parent.kind === 'const'
        ? def.node.init
        : null;
    },
  };
  const calleeResolver = project.getCalleeResolver(scope);

  const resolveDrizzleExport: FileResolver['resolveDrizzleExport'] = (callee) => {
    if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return null;
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type !== AST_NODE_TYPES.Identifier) return null;
    const value = project.evaluate(callee, scope);
    return value?.kind === 'export' ? { name: value.name, dialect: value.dialect } : null;
  };

  const resolver: FileResolver = {
    resolveCallee: (callee) => calleeResolver.resolveCallee(callee),
    resolveDrizzleExport,
    evaluate: (expression) => project.evaluate(expression, scope),
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
            return { kind: 'builder', name: callee.property.name, dialect, typeName: null };
          }
          return resolver.resolveCallee(callee);
        },
      };
    },
  };
  return resolver;
}
