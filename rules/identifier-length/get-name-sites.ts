import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { getColumnConstraints, type DrizzleIndex, type DrizzleTable } from '../../drizzle-model/index.js';
import { getStaticString } from '../../drizzle-model/drizzle-values.js';
import { fixInsertListItem } from '../utils/fix-insert-list-item.js';
import { getForeignKeyReportNode } from '../utils/get-foreign-key-report-node.js';
import { getTableLabel } from '../utils/get-table-label.js';

/** A database name a table defines, written in the schema or derived by drizzle-kit. */
export interface NameSite {
  /** What the name belongs to, for messages: `table career.jobs`, `index on jobs (company_id)`. */
  readonly what: string;
  readonly name: string;
  /** True when no name is written and drizzle-kit derives it. */
  readonly derived: boolean;
  readonly node: TSESTree.Node;
  /** A fix that writes `name` as the explicit name, or null when there is no safe place for it. */
  readonly fixName: ((name: string) => TSESLint.ReportFixFunction) | null;
}

type SourceCode = Readonly<TSESLint.SourceCode>;

function getQuote(table: DrizzleTable): string {
  return table.nameNode?.raw.startsWith('"') ? '"' : "'";
}

function replaceLiteral(node: TSESTree.StringLiteral) {
  const quote = node.raw.startsWith('"') ? '"' : "'";
  return (name: string): TSESLint.ReportFixFunction => (fixer) => fixer.replaceText(node, `${quote}${name}${quote}`);
}

/** `index()` / `.unique()` → `index('name')`: only a call without arguments, in this file. */
function fillEmptyCall(call: TSESTree.Node | null, quote: string) {
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length > 0) return null;
  const start = call.typeArguments?.range[1] ?? call.callee.range[1];
  return (name: string): TSESLint.ReportFixFunction => (fixer) => fixer.replaceTextRange([start, call.range[1]], `(${quote}${name}${quote})`);
}

/** `{ columns: [...] }` → `{ columns: [...], name: 'x' }`. */
function addNameProperty(sourceCode: SourceCode, object: TSESTree.Node | undefined, quote: string) {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
  const list = { items: object.properties, opening: sourceCode.getFirstToken(object)!, closing: sourceCode.getLastToken(object)!, padded: true };
  return (name: string): TSESLint.ReportFixFunction => (fixer) =>
    fixInsertListItem(fixer, sourceCode, list, object.properties.length, `name: ${quote}${name}${quote}`);
}

/** The call that starts an extra-config entry: `index()` in `index().on(t.a).where(...)`. */
function getBaseCall(entry: TSESTree.Node): TSESTree.CallExpression | null {
  let node = entry;
  while (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.CallExpression
  ) {
    node = node.callee.object;
  }
  return node.type === AST_NODE_TYPES.CallExpression ? node : null;
}

const INDEX_SUFFIX: Readonly<Record<DrizzleIndex['kind'], string>> = { index: 'index', uniqueIndex: 'index', unique: 'unique', primaryKey: 'pk' };
const INDEX_WORD: Readonly<Record<DrizzleIndex['kind'], string>> = { index: 'index', uniqueIndex: 'unique index', unique: 'unique constraint', primaryKey: 'primary key' };

/**
 * Every name of `table` that reaches the database through drizzle-kit: the table's, each column's, each index's,
 * unique constraint's, composite primary key's, foreign key's and check's, and each identity sequence's, with the
 * names drizzle-kit 0.31 derives when none is written (`<table>_<cols>_index`, `<table>_<cols>_unique`,
 * `<table>_<cols>_pk`, `<table>_<cols>_<foreign table>_<foreign cols>_fk`, `<table>_<col>_seq`). Names that Postgres
 * chooses itself (`<table>_pkey` of a column `.primaryKey()`, a serial's sequence) are left out: Postgres shortens them
 * to fit. `tables` are the file's tables, used to resolve a foreign key's target.
 */
export function getNameSites(sourceCode: SourceCode, table: DrizzleTable, tables: readonly DrizzleTable[]): NameSite[] {
  const sites: NameSite[] = [];
  const label = getTableLabel(table);
  const quote = getQuote(table);
  const tableName = table.name;
  const dbName = (key: string | null) => (key === null ? null : (table.columns.find((c) => c.key === key)?.dbName ?? null));

  if (tableName !== null && table.nameNode) {
    const writtenAsIs = getStaticString(table.nameNode) === tableName;
    sites.push({ what: `Table ${label}`, name: tableName, derived: false, node: table.nameNode, fixName: writtenAsIs ? replaceLiteral(table.nameNode) : null });
  }

  for (const column of table.columns) {
    if (column.nameIsDynamic) continue;
    const what = `Column ${label}.${column.dbName}`;
    if (column.nameNode) sites.push({ what, name: column.dbName, derived: false, node: column.nameNode, fixName: replaceLiteral(column.nameNode) });
    else if (column.explicitName === null) {
      // A name-less column: the casing in force derives its name from the key.
      const builder = column.builderNode;
      const fixName = builder
        ? (name: string): TSESLint.ReportFixFunction => (fixer) => {
            const [first] = builder.arguments;
            if (first) return fixer.insertTextBefore(first, `${quote}${name}${quote}, `);
            return fixer.replaceTextRange([builder.typeArguments?.range[1] ?? builder.callee.range[1], builder.range[1]], `(${quote}${name}${quote})`);
          }
        : null;
      sites.push({ what, name: column.dbName, derived: false, node: column.property.key, fixName });
    } else {
      sites.push({ what, name: column.dbName, derived: false, node: column.value, fixName: null });
    }

    const identity = table.dialect === 'pg' && tableName !== null ? getColumnConstraints(table, column).identity : null;
    if (identity) {
      const config = identity.args[0];
      const written = config?.type === AST_NODE_TYPES.ObjectExpression
        ? config.properties.find((p): p is TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'name')
        : undefined;
      const writtenName = written ? getStaticString(written.value) : null;
      const what = `Identity sequence of ${label}.${column.dbName}`;
      if (written) {
        if (writtenName !== null) {
          const literal = written.value.type === AST_NODE_TYPES.Literal ? (written.value as TSESTree.StringLiteral) : null;
          sites.push({ what, name: writtenName, derived: false, node: written.value, fixName: identity.node && literal ? replaceLiteral(literal) : null });
        }
      } else {
        const call = identity.node;
        let fixName: NameSite['fixName'] = null;
        if (call && config) fixName = addNameProperty(sourceCode, config, quote);
        else if (call) {
          fixName = (name) => (fixer) => fixer.replaceTextRange([call.callee.range[1], call.range[1]], `({ name: ${quote}${name}${quote} })`);
        }
        sites.push({ what, name: `${tableName}_${column.dbName}_seq`, derived: true, node: identity.node ?? column.value, fixName });
      }
    }
  }

  for (const index of table.indexes) {
    if (index.kind === 'primaryKey' && index.source === 'column') continue;
    const columns = index.columns.map(dbName);
    const what = `${INDEX_WORD[index.kind]} of ${label}${columns.every((c) => c !== null) ? ` (${columns.join(', ')})` : ''}`;
    const capitalized = what.charAt(0).toUpperCase() + what.slice(1);
    if (index.name !== null) {
      sites.push({ what: capitalized, name: index.name, derived: false, node: index.nameNode ?? index.node, fixName: index.nameNode ? replaceLiteral(index.nameNode) : null });
      continue;
    }
    if (tableName === null || columns.length === 0 || !columns.every((c) => c !== null)) continue;
    const name = `${tableName}_${columns.join('_')}_${INDEX_SUFFIX[index.kind]}`;
    let fixName: NameSite['fixName'] = null;
    if (index.source === 'column') fixName = fillEmptyCall(index.node, quote);
    else if (index.kind === 'primaryKey') fixName = addNameProperty(sourceCode, getBaseCall(index.node)?.arguments[0], quote);
    else fixName = fillEmptyCall(getBaseCall(index.node), quote);
    sites.push({ what: capitalized, name, derived: true, node: index.node, fixName });
  }

  for (const foreignKey of table.foreignKeys) {
    const columns = foreignKey.columns.map(dbName);
    const what = `Foreign key ${label}.${columns.length === 1 ? columns[0] : `(${columns.join(', ')})`}`;
    const explicit = foreignKey.nameNode ? getStaticString(foreignKey.nameNode) : null;
    if (foreignKey.nameNode && explicit !== null) {
      sites.push({ what, name: explicit, derived: false, node: foreignKey.nameNode, fixName: replaceLiteral(foreignKey.nameNode) });
      continue;
    }
    const target = tables.find((t) => t.variableName !== null && t.variableName === foreignKey.foreignTable);
    if (!target?.name || tableName === null || !columns.every((c) => c !== null)) continue;
    const foreignColumns = foreignKey.foreignColumns.map((key) => (key === null ? null : (target.columns.find((c) => c.key === key)?.dbName ?? null)));
    if (!foreignColumns.every((c) => c !== null) || foreignColumns.length === 0) continue;
    const name = `${[tableName, ...columns, target.name, ...foreignColumns].join('_')}_fk`;
    const fixName = foreignKey.source === 'extraConfig' ? addNameProperty(sourceCode, getBaseCall(foreignKey.node)?.arguments[0], quote) : null;
    sites.push({ what, name, derived: true, node: getForeignKeyReportNode(foreignKey), fixName });
  }

  for (const check of table.checks) {
    const name = check.nameNode ? getStaticString(check.nameNode) : null;
    if (name !== null && check.nameNode) sites.push({ what: `Check constraint of ${label}`, name, derived: false, node: check.nameNode, fixName: replaceLiteral(check.nameNode) });
  }
  return sites;
}
