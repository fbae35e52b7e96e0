import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { isTableRelatedExport } from './drizzle-values.js';
import { parseChain, type CalleeResolver, type HelperDefinition } from './parse-chain.js';
import { isFunctionLike, parseHelperFunction } from './parse-helper-function.js';
import { parseSource } from './parse-source.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';
import type { Dialect } from './types.js';

/**
 * A helper definition from source text, for helpers described in configuration rather than discovered in a
 * module: a builder chain (`"timestamp('created_at', { precision: 3 }).defaultNow()"`, no parameters) or a
 * function (`"(name: string) => uuid(name).notNull()"`). Builder names are taken as `dialect`'s core exports,
 * since the text has no imports. Returns null when the text is not a column builder chain;
 * throws when it does not parse.
 */
export function parseHelperSource(name: string, source: string, dialect: Dialect): HelperDefinition | null {
  let program: TSESTree.Program;
  try {
    program = parseSource(`(${source}\n)`, `${name}.ts`);
  } catch (error) {
    throw new Error(`eslint-plugin-drizzle-schema: the body of helper ${name} does not parse: ${(error as Error).message}`);
  }
  const statement = program.body.length === 1 ? program.body[0] : undefined;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
  const expression = skipTypeWrappers(statement.expression);
  const resolver: CalleeResolver = {
    resolveCallee(callee) {
      return callee.type === AST_NODE_TYPES.Identifier && !isTableRelatedExport(callee.name)
        ? { kind: 'builder', name: callee.name, dialect }
        : null;
    },
  };
  if (isFunctionLike(expression)) return parseHelperFunction(name, expression, resolver, null);
  const chain = parseChain(expression, resolver);
  return chain ? { name, module: null, params: [], chain } : null;
}
