import fs from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { parse } from '@typescript-eslint/typescript-estree';
import { getDrizzleModuleDialect, isTableRelatedExport } from './drizzle-values.js';
import type { CalleeResolver, HelperDefinition, ResolvedCallee } from './parse-chain.js';
import { isFunctionLike, parseHelperFunction, type FunctionLike } from './parse-helper-function.js';
import type { Dialect } from './types.js';

export interface HelperModule {
  readonly path: string;
  /** Exported helpers by exported name. */
  readonly helpers: ReadonlyMap<string, HelperDefinition>;
}

/** Parsed helper modules keyed by absolute path; an entry is reused while the file's mtime is unchanged. */
const cache = new Map<string, { readonly mtimeMs: number; readonly module: HelperModule }>();

/**
 * Read and parse a helper module once per run (cached by path and modification time) and discover its exported
 * helpers: functions whose body returns a Drizzle column builder chain. Throws a clear error when the file is
 * missing or does not parse: a misconfigured `helperModules` must not silently disable the checks.
 */
export function loadHelperModule(absolutePath: string): HelperModule {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolutePath);
  } catch {
    throw new Error(`eslint-plugin-drizzle-schema: helper module ${absolutePath} (settings['drizzle-schema'].helperModules) does not exist`);
  }
  const hit = cache.get(absolutePath);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.module;
  const source = fs.readFileSync(absolutePath, 'utf8');
  let program: TSESTree.Program;
  try {
    program = parse(source, { range: true, loc: true, jsx: /\.[jt]sx$/.test(absolutePath), comment: false });
  } catch (error) {
    throw new Error(`eslint-plugin-drizzle-schema: helper module ${absolutePath} does not parse: ${(error as Error).message}`);
  }
  const module: HelperModule = { path: absolutePath, helpers: discoverHelpers(program, absolutePath) };
  cache.set(absolutePath, { mtimeMs: stat.mtimeMs, module });
  return module;
}

interface ImportBinding {
  readonly source: string;
  /** Imported name, or `*` for a namespace import. */
  readonly imported: string;
}

function discoverHelpers(program: TSESTree.Program, modulePath: string): Map<string, HelperDefinition> {
  const imports = new Map<string, ImportBinding>();
  const functions = new Map<string, FunctionLike>();
  const exported = new Map<string, string>(); // exported name → local name

  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      for (const spec of statement.specifiers) {
        const imported =
          spec.type === AST_NODE_TYPES.ImportSpecifier
            ? spec.imported.type === AST_NODE_TYPES.Identifier ? spec.imported.name : spec.imported.value
            : spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier ? '*' : 'default';
        imports.set(spec.local.name, { source: statement.source.value, imported });
      }
      continue;
    }
    const isExport = statement.type === AST_NODE_TYPES.ExportNamedDeclaration;
    const declaration = isExport ? statement.declaration : statement;
    if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
      functions.set(declaration.id.name, declaration);
      if (isExport) exported.set(declaration.id.name, declaration.id.name);
    } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier || !isFunctionLike(declarator.init)) continue;
        functions.set(declarator.id.name, declarator.init);
        if (isExport) exported.set(declarator.id.name, declarator.id.name);
      }
    } else if (isExport && !statement.source) {
      for (const spec of statement.specifiers) {
        const local = spec.local.name;
        const name = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : spec.exported.value;
        exported.set(name, local);
      }
    }
  }

  const parsed = new Map<string, HelperDefinition | null>();
  const inProgress = new Set<string>();
  const getLocalHelper = (local: string, exportedName: string): HelperDefinition | null => {
    if (parsed.has(local)) return parsed.get(local)!;
    const fn = functions.get(local);
    if (!fn || inProgress.has(local)) return null;
    inProgress.add(local);
    const helper = parseHelperFunction(exportedName, fn, resolver, modulePath);
    inProgress.delete(local);
    parsed.set(local, helper);
    return helper;
  };

  const builderOf = (binding: ImportBinding | undefined, name: string): ResolvedCallee | null => {
    const dialect: Dialect | null = binding ? getDrizzleModuleDialect(binding.source) : null;
    if (!dialect || isTableRelatedExport(name)) return null;
    return { kind: 'builder', name, dialect };
  };

  const resolver: CalleeResolver = {
    resolveCallee(callee) {
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const binding = imports.get(callee.name);
        if (binding && binding.imported !== '*') return builderOf(binding, binding.imported);
        const helper = binding ? null : getLocalHelper(callee.name, callee.name);
        return helper ? { kind: 'helper', helper } : null;
      }
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.property.type === AST_NODE_TYPES.Identifier
      ) {
        const binding = imports.get(callee.object.name);
        if (binding?.imported === '*') return builderOf(binding, callee.property.name);
      }
      return null;
    },
  };

  const helpers = new Map<string, HelperDefinition>();
  for (const [exportedName, local] of exported) {
    const helper = getLocalHelper(local, exportedName);
    if (helper) helpers.set(exportedName, { ...helper, name: exportedName });
  }
  return helpers;
}

/**
 * The configured helper module an import specifier points at, or null.
 * Relative specifiers are resolved against the importing file (with the usual TypeScript extension
 * substitutions); bare specifiers (path aliases such as `@db/schema/shared.schema`) match a helper module
 * whose file name, without extension, equals the specifier's last segment.
 */
export function getHelperModulePath(specifier: string, fromFile: string, helperPaths: readonly string[]): string | null {
  if (helperPaths.length === 0) return null;
  if (specifier.startsWith('.')) {
    const base = path.resolve(path.dirname(fromFile), specifier);
    const stem = base.replace(/\.(?:[mc]?js|jsx)$/, '');
    const candidates = new Set([base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, path.join(base, 'index.ts')]);
    return helperPaths.find((p) => candidates.has(p)) ?? null;
  }
  const last = specifier.split('/').at(-1)!.replace(/\.(?:[mc]?js|jsx|tsx?|mts|cts)$/, '');
  return helperPaths.find((p) => path.basename(p).replace(/\.(?:tsx?|mts|cts|[mc]?js|jsx)$/, '') === last) ?? null;
}
