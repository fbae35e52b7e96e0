import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getStaticString } from './drizzle-values.js';
import type { FileResolver } from './file-resolver.js';
import { parseColumnReference } from './parse-column-reference.js';
import { parseForeignKeyAction } from './parse-foreign-key-action.js';
import { getReturnedExpression, isFunctionLike } from './parse-helper-function.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';
import type { ColumnRef, DrizzleExtraConfig, DrizzleForeignKey, DrizzleIndex, DrizzleTable } from './types.js';

export interface ParsedExtraConfig {
  readonly extraConfig: DrizzleExtraConfig;
  readonly indexes: readonly DrizzleIndex[];
  readonly foreignKeys: readonly DrizzleForeignKey[];
  readonly hasCompositePrimaryKey: boolean;
  readonly checks: DrizzleTable['checks'];
}

/** The node of a string literal (through type wrappers), else null. */
function getStringLiteralNode(node: TSESTree.Node | null | undefined): TSESTree.StringLiteral | null {
  const inner = node && node.type !== AST_NODE_TYPES.SpreadElement ? skipTypeWrappers(node) : null;
  return inner?.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string' ? (inner as TSESTree.StringLiteral) : null;
}

/** Calls that only order or decorate a column reference inside an index: `t.a.asc().nullsLast()`. */
const COLUMN_MODIFIERS = new Set(['asc', 'desc', 'nullsFirst', 'nullsLast', 'op']);

/**
 * The third argument of a table call in all its forms: a callback returning an array, returning an object
 * (deprecated), or a block body returning either. Entries that are not drizzle builders are ignored.
 */
export function parseExtraConfig(arg: TSESTree.CallExpressionArgument | undefined, resolver: FileResolver): ParsedExtraConfig | null {
  if (!arg || !isFunctionLike(arg)) return null;
  const first = arg.params[0];
  const param = first?.type === AST_NODE_TYPES.Identifier ? first.name : null;
  const returned = getReturnedExpression(arg);
  const body = returned && skipTypeWrappers(returned);
  const container =
    body?.type === AST_NODE_TYPES.ArrayExpression || body?.type === AST_NODE_TYPES.ObjectExpression ? body : null;
  const indexes: DrizzleIndex[] = [];
  const foreignKeys: DrizzleForeignKey[] = [];
  let hasCompositePrimaryKey = false;
  const checks: { nameNode: TSESTree.StringLiteral | null; node: TSESTree.Node }[] = [];

  const entries: TSESTree.Node[] =
    container?.type === AST_NODE_TYPES.ArrayExpression
      ? container.elements.filter((e): e is TSESTree.Expression => e !== null && e.type !== AST_NODE_TYPES.SpreadElement)
      : container?.type === AST_NODE_TYPES.ObjectExpression
        ? container.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [p.value] : []))
        : [];

  const getColumnRef = (node: TSESTree.Node): ColumnRef => {
    let current = node;
    while (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      current.callee.property.type === AST_NODE_TYPES.Identifier &&
      COLUMN_MODIFIERS.has(current.callee.property.name)
    ) {
      current = current.callee.object;
    }
    if (
      param !== null &&
      current.type === AST_NODE_TYPES.MemberExpression &&
      !current.computed &&
      current.object.type === AST_NODE_TYPES.Identifier &&
      current.object.name === param &&
      current.property.type === AST_NODE_TYPES.Identifier
    ) {
      return current.property.name;
    }
    return null;
  };
  const getColumnRefs = (nodes: readonly TSESTree.Node[]): ColumnRef[] => nodes.map(getColumnRef);
  const getArrayProp = (object: TSESTree.Node | undefined, key: string): TSESTree.Node[] | null => {
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
    for (const prop of object.properties) {
      if (prop.type === AST_NODE_TYPES.Property && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === key) {
        return prop.value.type === AST_NODE_TYPES.ArrayExpression ? prop.value.elements.filter((e) => e !== null) : null;
      }
    }
    return null;
  };
  const getPropValue = (object: TSESTree.Node | undefined, key: string): TSESTree.Node | null => {
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
    for (const prop of object.properties) {
      if (prop.type === AST_NODE_TYPES.Property && !prop.computed && prop.key.type === AST_NODE_TYPES.Identifier && prop.key.name === key) {
        return prop.value;
      }
    }
    return null;
  };

  for (const entry of entries) {
    const links: { name: string; args: readonly TSESTree.CallExpressionArgument[] }[] = [];
    let node = skipTypeWrappers(entry as TSESTree.Expression);
    let base: { name: string; call: TSESTree.CallExpression } | null = null;
    while (node.type === AST_NODE_TYPES.CallExpression) {
      const resolved = resolver.resolveDrizzleExport(node.callee);
      if (resolved) {
        base = { name: resolved.name, call: node };
        break;
      }
      if (node.callee.type !== AST_NODE_TYPES.MemberExpression || node.callee.property.type !== AST_NODE_TYPES.Identifier) break;
      links.unshift({ name: node.callee.property.name, args: node.arguments });
      node = skipTypeWrappers(node.callee.object);
    }
    if (!base) continue;
    const [firstArg] = base.call.arguments;
    const on = links.find((l) => l.name === 'on' || l.name === 'onOnly');
    const using = links.find((l) => l.name === 'using');
    const partial = links.some((l) => l.name === 'where');
    switch (base.name) {
      case 'index':
      case 'uniqueIndex':
      case 'unique': {
        const columns = on ? getColumnRefs(on.args) : using ? getColumnRefs(using.args.slice(1)) : [];
        indexes.push({ kind: base.name, name: getStaticString(firstArg), nameNode: getStringLiteralNode(firstArg), columns, partial, node: entry, source: 'extraConfig' });
        break;
      }
      case 'primaryKey': {
        const columns =
          firstArg?.type === AST_NODE_TYPES.ObjectExpression
            ? getColumnRefs(getArrayProp(firstArg, 'columns') ?? [])
            : getColumnRefs(base.call.arguments);
        const nameValue = firstArg?.type === AST_NODE_TYPES.ObjectExpression ? getPropValue(firstArg, 'name') : null;
        indexes.push({ kind: 'primaryKey', name: getStaticString(nameValue), nameNode: getStringLiteralNode(nameValue), columns, partial: false, node: entry, source: 'extraConfig' });
        hasCompositePrimaryKey = true;
        break;
      }
      case 'foreignKey': {
        const columns = getColumnRefs(getArrayProp(firstArg, 'columns') ?? []);
        if (columns.length > 0 && columns.every((c): c is string => c !== null)) {
          const references = (getArrayProp(firstArg, 'foreignColumns') ?? []).map(parseColumnReference);
          const tables = new Set(references.map((r) => r?.table ?? null));
          const [foreignTable] = tables.size === 1 ? [...tables] : [null];
          const action = (name: string) => parseForeignKeyAction(links.findLast((l) => l.name === name)?.args[0], true);
          foreignKeys.push({
            columns,
            nameNode: getStringLiteralNode(getPropValue(firstArg, 'name')),
            foreignTable: foreignTable ?? null,
            foreignColumns: references.map((r) => r?.column ?? null),
            onDelete: action('onDelete'),
            onUpdate: action('onUpdate'),
            node: entry,
            source: 'extraConfig',
          });
        }
        break;
      }
      case 'check':
        checks.push({ nameNode: getStringLiteralNode(firstArg), node: entry });
        break;
      default:
        break;
    }
  }
  return { extraConfig: { fn: arg, param, container }, indexes, foreignKeys, hasCompositePrimaryKey, checks };
}
