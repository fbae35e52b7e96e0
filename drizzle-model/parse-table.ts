import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { applyCasing, type Casing } from '../naming/casing.js';
import { getStaticString, type TableFnValue } from './drizzle-values.js';
import type { FileResolver } from './file-resolver.js';
import { parseChain } from './parse-chain.js';
import { parseExtraConfig } from './parse-extra-config.js';
import { getReturnedExpression, isFunctionLike } from './parse-helper-function.js';
import { skipTypeWrappers } from './skip-type-wrappers.js';
import { parseColumnReference } from './parse-column-reference.js';
import { parseForeignKeyAction } from './parse-foreign-key-action.js';
import type { ChainLink, DrizzleColumn, DrizzleForeignKey, DrizzleIndex, DrizzleSpreadColumn, DrizzleTable, OpaqueEntry } from './types.js';

function getKey(property: TSESTree.Property): string | null {
  if (property.computed) return getStaticString(property.key);
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return getStaticString(property.key);
}

function getVariableName(call: TSESTree.CallExpression): string | null {
  let node: TSESTree.Node = call;
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      node.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : null;
}

/** The property `key` of an object literal (`{ onDelete: 'cascade' }`), else null. */
function getObjectProperty(object: TSESTree.Node | undefined, key: string): TSESTree.Node | null {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.Property && !prop.computed && getKey(prop) === key) return prop.value;
  }
  return null;
}

/** `.references(() => users.id, { onDelete: 'cascade' })` on the column `key`. */
function parseInlineReference(link: ChainLink, key: string, node: TSESTree.Node): DrizzleForeignKey {
  const [target, config] = link.args;
  const reference = parseColumnReference(target);
  const isLocal = link.node !== null;
  return {
    columns: [key],
    nameNode: null,
    foreignTable: reference?.table ?? null,
    foreignColumns: [reference?.column ?? null],
    onDelete: parseForeignKeyAction(getObjectProperty(config, 'onDelete'), isLocal),
    onUpdate: parseForeignKeyAction(getObjectProperty(config, 'onUpdate'), isLocal),
    node,
    source: 'column',
  };
}

/** Turn a table call (already known to be a Drizzle table function) into facts. */
export function parseTable(call: TSESTree.CallExpression, fn: TableFnValue, resolver: FileResolver, defaultCasing: Casing): DrizzleTable {
  const [nameArg, columnsArg, extraArg] = call.arguments;
  const writtenName = getStaticString(nameArg);
  const name =
    writtenName === null || fn.rename === null ? null : fn.rename === 'identity' ? writtenName : fn.rename(writtenName);
  const casing = fn.casing ?? defaultCasing;

  let columnsNode: TSESTree.ObjectExpression | null = null;
  let columnResolver = resolver as FileResolver | ReturnType<FileResolver['withColumnsParam']>;
  if (columnsArg?.type === AST_NODE_TYPES.ObjectExpression) columnsNode = columnsArg;
  else if (columnsArg && isFunctionLike(columnsArg)) {
    const returned = getReturnedExpression(columnsArg);
    const body = returned && skipTypeWrappers(returned);
    if (body?.type === AST_NODE_TYPES.ObjectExpression) columnsNode = body;
    const param = columnsArg.params[0];
    if (param?.type === AST_NODE_TYPES.Identifier) columnResolver = resolver.withColumnsParam(param.name, fn.dialect);
  }

  const columns: DrizzleColumn[] = [];
  const spreadColumns: DrizzleSpreadColumn[] = [];
  const opaque: OpaqueEntry[] = [];
  const indexes: DrizzleIndex[] = [];
  const foreignKeys: DrizzleForeignKey[] = [];
  /** Column-level keys and references of one chain (`node` is where they are reported). */
  const addChainConstraints = (key: string, links: readonly ChainLink[], getNode: (link: ChainLink) => TSESTree.Node) => {
    for (const link of links) {
      const node = getNode(link);
      // A name string in a helper's body is not in this file (link.node null): only local names get a node.
      const nameArg = link.node ? link.args[0] : undefined;
      const nameNode = nameArg?.type === AST_NODE_TYPES.Literal && typeof nameArg.value === 'string' ? (nameArg as TSESTree.StringLiteral) : null;
      if (link.name === 'primaryKey') indexes.push({ kind: 'primaryKey', name: null, nameNode: null, columns: [key], partial: false, node, source: 'column' });
      else if (link.name === 'unique') indexes.push({ kind: 'unique', name: getStaticString(link.args[0]), nameNode, columns: [key], partial: false, node, source: 'column' });
      else if (link.name === 'references') foreignKeys.push(parseInlineReference(link, key, node));
    }
  };
  for (const property of columnsNode?.properties ?? []) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      opaque.push({ node: property });
      const spread = resolver.evaluate(property.argument);
      if (spread?.kind !== 'columns') continue;
      const origin = { name: spread.name, module: spread.module, node: property };
      for (const { key, chain } of spread.columns) {
        const explicitName = chain.name?.kind === 'literal' ? chain.name.value : null;
        const links = chain.links.map((link): ChainLink => ({ ...link, node: null }));
        spreadColumns.push({
          key,
          builder: chain.builder,
          explicitName,
          dbName: explicitName ?? applyCasing(key, casing),
          nameIsDynamic: chain.name !== null && chain.name.kind !== 'literal',
          chain: links,
          typeName: chain.typeName,
          spread: origin,
        });
        addChainConstraints(key, links, () => property);
      }
      continue;
    }
    if (property.type !== AST_NODE_TYPES.Property) {
      opaque.push({ node: property });
      continue;
    }
    const key = getKey(property);
    const value = property.value;
    const chain = key !== null && value.type !== AST_NODE_TYPES.AssignmentPattern && value.type !== AST_NODE_TYPES.TSEmptyBodyFunctionExpression &&
      value.type !== AST_NODE_TYPES.ObjectPattern && value.type !== AST_NODE_TYPES.ArrayPattern
      ? parseChain(value, columnResolver)
      : null;
    if (!chain || key === null) {
      opaque.push({ node: property });
      continue;
    }
    const explicitName = chain.name?.kind === 'literal' ? chain.name.value : null;
    const configIsLocal = chain.helper === null;
    const column: DrizzleColumn = {
      key,
      property,
      value: value as TSESTree.Expression,
      builder: chain.builder,
      builderNode: chain.helper ? null : chain.builderNode,
      nameNode: chain.name?.kind === 'literal' ? chain.name.node : null,
      explicitName,
      config: chain.config,
      configIsLocal,
      dbName: explicitName ?? applyCasing(key, casing),
      nameIsDynamic: chain.name?.kind === 'dynamic',
      chain: chain.links,
      helper: chain.helper
        ? { name: chain.helper.definition.name, module: chain.helper.definition.module, call: chain.helper.call }
        : null,
      typeName: chain.typeName,
    };
    columns.push(column);
    addChainConstraints(key, chain.links, (link) => link.node ?? column.value);
  }

  const extra = parseExtraConfig(extraArg, resolver);
  return {
    node: call,
    dialect: fn.dialect,
    name,
    nameNode: nameArg?.type === AST_NODE_TYPES.Literal && typeof nameArg.value === 'string' ? (nameArg as TSESTree.StringLiteral) : null,
    schema: fn.schema,
    variableName: getVariableName(call),
    casing,
    columnsNode,
    columns,
    spreadColumns,
    opaque,
    extraConfig: extra?.extraConfig ?? null,
    indexes: [...indexes, ...(extra?.indexes ?? [])],
    foreignKeys: [...foreignKeys, ...(extra?.foreignKeys ?? [])],
    hasCompositePrimaryKey: extra?.hasCompositePrimaryKey ?? false,
    checks: extra?.checks ?? [],
  };
}
