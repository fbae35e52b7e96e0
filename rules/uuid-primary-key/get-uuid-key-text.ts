import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { DrizzleColumn } from '../../drizzle-model/index.js';

/** Calls of a key column that still make sense on a uuid key; identity, defaults, `$type` and the like are dropped. */
const KEPT_LINKS = new Set(['primaryKey', 'notNull', 'unique', 'references']);

/** The parts of a column chain a uuid key is rebuilt from (the builder callee is chosen by the caller). */
export interface UuidKeyParts {
  /** The source text of the name argument (`'id'`), or null for a name-less builder. */
  readonly nameArgument: string | null;
  /** The kept links with the key's default where it belongs: `.primaryKey().defaultRandom().notNull()`. */
  readonly links: string;
  /** The node to replace: the outermost call of the local chain. */
  readonly replaced: TSESTree.CallExpression;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The outermost call of a column's chain in the linted file: the last local link, else the helper or builder call. */
export function getOutermostCall(column: DrizzleColumn): TSESTree.CallExpression {
  const lastLocal = column.chain.findLast((link) => link.node !== null)?.node;
  return lastLocal ?? column.helper?.call ?? column.builderNode!;
}

/**
 * How to rebuild a key column as `uuid(<same name>)<kept links>`, with `defaultText` (`.defaultRandom()`) right after
 * `.primaryKey()` (at the end when the key is declared in the extra config) unless the key references another table
 * (its value then comes from the parent row).
 * Null when the chain can't be reproduced from this file (a dynamic name, or a helper-body link with arguments).
 */
export function getUuidKeyParts(sourceCode: Readonly<TSESLint.SourceCode>, column: DrizzleColumn, defaultText: string): UuidKeyParts | null {
  if (column.nameIsDynamic && !column.builderNode) return null;
  let nameArgument: string | null = null;
  const first = column.builderNode?.arguments[0];
  if (column.builderNode) {
    nameArgument = first && first.type !== AST_NODE_TYPES.ObjectExpression ? sourceCode.getText(first) : null;
  } else if (column.explicitName !== null) {
    nameArgument = column.nameNode ? sourceCode.getText(column.nameNode) : quote(column.explicitName);
  }
  const referencesParent = column.chain.some((link) => link.name === 'references');
  let links = '';
  for (const link of column.chain) {
    if (!KEPT_LINKS.has(link.name)) continue;
    if (link.node) {
      const callee = link.node.callee as TSESTree.MemberExpression;
      links += `.${sourceCode.text.slice(callee.property.range[0], link.node.range[1])}`;
    } else if (link.args.length === 0) {
      links += `.${link.name}()`;
    } else {
      return null;
    }
    if (link.name === 'primaryKey' && !referencesParent) links += defaultText;
  }
  if (!referencesParent && !column.chain.some((link) => link.name === 'primaryKey')) links += defaultText;
  return { nameArgument, links, replaced: getOutermostCall(column) };
}
