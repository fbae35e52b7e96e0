import { formatIdentifier, getIdentifierName } from './identifier-names.js';
import { rewriteCatalogLookups } from './catalog-lookups.js';
import { rewriteEmbeddedObjectNames } from './embedded-object-names.js';
import { rewriteFunctionBodies } from './function-bodies.js';
import { rewriteNameLiterals } from './name-literals.js';
import type { StatementScope } from './sql-context.js';
import { decide, getTokenIndexAt } from './sql-context.js';

type Ast = Record<string, unknown>;

/** Something a query reads rows from, as far as column resolution needs it. */
interface Relation {
  /** The alias, or null when the relation is referenced by its own name. */
  readonly alias: string | null;
  /** Real table: its schema and OLD name. Null for subqueries, CTEs and functions. */
  readonly schema: string | null;
  readonly table: string | null;
  /** Renamed columns visible through this relation (old → new). */
  readonly columns: ReadonlyMap<string, string>;
  /** Only reachable qualified (`excluded.x`, `new.x`), never by a bare column name. */
  readonly qualifiedOnly: boolean;
}

interface Scope {
  readonly relations: Relation[];
  readonly parent: Scope | null;
  /** CTEs defined at this level: name → renamed output columns. */
  readonly ctes: Map<string, ReadonlyMap<string, string>>;
}

const EMPTY_COLUMNS: ReadonlyMap<string, string> = new Map();
const DEFAULT_SCHEMA = 'public';

/**
 * Walk one parsed statement and record a decision for each identifier token it can resolve:
 * relation names (RangeVar), column references with their scope (aliases, CTEs, subqueries),
 * insert/update targets, index and conflict column lists, catalog lookups (`catalog-lookups.ts`), and the
 * literals and bodies handled elsewhere.
 */
export function resolveStatement(statement: StatementScope, tree: Ast): void {
  const walker = createWalker(statement);
  walker.walk(tree, newScope(null));
}

function newScope(parent: Scope | null, relations: Relation[] = []): Scope {
  return { relations, parent, ctes: new Map() };
}

function isAst(value: unknown): value is Ast {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getString(value: unknown): string | null {
  return isAst(value) && isAst(value.String) && typeof value.String.sval === 'string' ? value.String.sval : null;
}

function getList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function createWalker(statement: StatementScope) {
  const { ctx } = statement;
  const { tokens, lookup } = ctx;
  /** ColumnRef nodes whose column was renamed, for the output columns of subqueries and CTEs. */
  const renamedRefs = new WeakMap<Ast, string>();

  function tokenNameIs(index: number, name: string): boolean {
    const token = tokens[index];
    return token !== undefined && getIdentifierName(token) === name;
  }

  function isPunct(index: number, text: string): boolean {
    return tokens[index]?.text === text;
  }

  function findCte(scope: Scope | null, name: string): ReadonlyMap<string, string> | null {
    for (let s = scope; s; s = s.parent) {
      const cte = s.ctes.get(name);
      if (cte) return cte;
    }
    return null;
  }

  /** A RangeVar: rename the relation token when the plan renames that table. Returns the relation. */
  function handleRangeVar(rangeVar: Ast, scope: Scope | null): Relation {
    const relname = typeof rangeVar.relname === 'string' ? rangeVar.relname : '';
    const schemaname = typeof rangeVar.schemaname === 'string' ? rangeVar.schemaname : null;
    const alias = isAst(rangeVar.alias) && typeof rangeVar.alias.aliasname === 'string' ? rangeVar.alias.aliasname : null;
    const start = getTokenIndexAt(statement, rangeVar.location);
    const prefixTokens = (typeof rangeVar.catalogname === 'string' ? 2 : 0) + (schemaname ? 2 : 0);
    const index = start === null ? null : start + prefixTokens;
    const nameOk = index !== null && tokenNameIs(index, relname);
    const cte = schemaname === null ? findCte(scope, relname) : null;
    if (cte) {
      if (nameOk) decide(ctx, index, { kind: 'keep' });
      // A CTE is referenced by its own name unless aliased; it is never a renamed table.
      return { alias: alias ?? relname, schema: null, table: null, columns: cte, qualifiedOnly: false };
    }
    const schema = schemaname ?? DEFAULT_SCHEMA;
    const rename = lookup.getTable(schema, relname);
    if (nameOk) {
      const token = tokens[index];
      decide(ctx, index, rename && token ? { kind: 'edit', text: formatIdentifier(rename.to, token.kind === 'quoted') } : { kind: 'keep' });
    }
    return { alias, schema, table: relname, columns: lookup.getColumns(schema, relname), qualifiedOnly: false };
  }

  function findRelation(scope: Scope | null, qualifier: string, schema: string | null): Relation | null {
    for (let s = scope; s; s = s.parent) {
      const found = s.relations.find((relation) =>
        relation.alias !== null
          ? schema === null && relation.alias === qualifier
          : relation.table === qualifier && (schema === null || relation.schema === schema),
      );
      if (found) return found;
    }
    return null;
  }

  function renameColumnToken(index: number, newName: string): void {
    const token = tokens[index];
    if (token) decide(ctx, index, { kind: 'edit', text: formatIdentifier(newName, token.kind === 'quoted') });
  }

  function handleColumnRef(ref: Ast, scope: Scope): void {
    const fields = getList(ref.fields);
    const start = getTokenIndexAt(statement, ref.location);
    if (start === null || fields.length === 0) return;
    const names = fields.map(getString);
    // Check the tokens line up with the fields (`a . b . c`), else leave the tokens to the fallback.
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (k > 0 && !isPunct(start + 2 * k - 1, '.')) return;
      if (name !== null && name !== undefined && !tokenNameIs(start + 2 * k, name)) return;
    }
    const lastIndex = start + 2 * (names.length - 1);
    const column = names[names.length - 1] ?? null;
    if (names.length === 1) {
      if (column !== null) resolveBareColumn(ref, column, lastIndex, scope);
      return;
    }
    const qualifier = names[names.length - 2] ?? null;
    const schema = names.length >= 3 ? (names[names.length - 3] ?? null) : null;
    if (qualifier === null) return;
    const qualifierIndex = lastIndex - 2;
    const relation = findRelation(scope, qualifier, schema);
    if (relation) {
      const rename = relation.alias === null && relation.table !== null ? lookup.getTable(relation.schema ?? DEFAULT_SCHEMA, relation.table) : undefined;
      const qualifierToken = tokens[qualifierIndex];
      decide(ctx, qualifierIndex, rename && qualifierToken ? { kind: 'edit', text: formatIdentifier(rename.to, qualifierToken.kind === 'quoted') } : { kind: 'keep' });
      if (schema !== null) decide(ctx, qualifierIndex - 2, { kind: 'keep' });
      if (column === null) return;
      const newName = relation.columns.get(column);
      if (newName === undefined) decide(ctx, lastIndex, { kind: 'keep' });
      else {
        renameColumnToken(lastIndex, newName);
        renamedRefs.set(ref, newName);
      }
      return;
    }
    // Not a relation of this statement (NEW/OLD in a trigger body, a fragment of a larger query).
    if (column === null) return;
    const tableColumns = lookup.getColumns(schema ?? DEFAULT_SCHEMA, qualifier);
    const newName = tableColumns.get(column);
    if (newName !== undefined && lookup.getTable(schema ?? DEFAULT_SCHEMA, qualifier)) {
      // `messages.col` naming the renamed table itself: the fallback renames the qualifier, so rename the column too.
      renameColumnToken(lastIndex, newName);
    } else if (lookup.columnNames.has(column)) {
      decide(ctx, lastIndex, { kind: 'review', name: column, reason: `"${qualifier}" is not a table of this statement, so the column's table is unknown` });
    } else {
      decide(ctx, lastIndex, { kind: 'keep' });
    }
  }

  function resolveBareColumn(ref: Ast, column: string, index: number, scope: Scope): void {
    let level: Scope | null = scope;
    const visible = (s: Scope) => s.relations.filter((relation) => !relation.qualifiedOnly);
    while (level && visible(level).length === 0) level = level.parent;
    if (!level) {
      decide(ctx, index, lookup.columnNames.has(column) ? { kind: 'review', name: column, reason: 'column name outside any table scope' } : { kind: 'keep' });
      return;
    }
    const relations = visible(level);
    const candidates = relations.filter((relation) => relation.columns.has(column));
    const only = candidates[0];
    if (relations.length === 1 && only) {
      const newName = only.columns.get(column) ?? column;
      renameColumnToken(index, newName);
      renamedRefs.set(ref, newName);
      return;
    }
    if (candidates.length > 0) {
      decide(ctx, index, { kind: 'review', name: column, reason: 'unqualified column with several relations in scope' });
      return;
    }
    for (let outer = level.parent; outer; outer = outer.parent) {
      if (outer.relations.some((relation) => relation.columns.has(column))) {
        decide(ctx, index, { kind: 'review', name: column, reason: 'unqualified column that may refer to an outer query' });
        return;
      }
    }
    decide(ctx, index, { kind: 'keep' });
  }

  /** Column names in a parenthesized list (`ON users ("a", b)`, `ON CONFLICT (a)`), from token `from` on. */
  function handleColumnList(from: number, relation: Relation, groups: number): void {
    let index = from;
    for (let group = 0; group < groups; group++) {
      while (index < statement.end && !isPunct(index, '(')) index++;
      let depth = 0;
      for (; index < statement.end; index++) {
        const text = tokens[index]?.text;
        if (text === '(') depth++;
        else if (text === ')') {
          depth--;
          if (depth === 0) break;
        } else if (depth === 1 && (isPunct(index - 1, '(') || isPunct(index - 1, ','))) {
          const token = tokens[index];
          const name = token ? getIdentifierName(token) : null;
          if (name === null || isPunct(index + 1, '(') || isPunct(index + 1, '.')) continue;
          const newName = relation.columns.get(name);
          if (newName !== undefined) renameColumnToken(index, newName);
        }
      }
      index++;
      // An index's INCLUDE (...) list is the only second group we read.
      if (group === 0 && tokens[index]?.text.toLowerCase() !== 'include') return;
    }
  }

  /** An insert column or update SET target: always a column of the target relation. */
  function handleTargetName(target: Ast, relation: Relation): void {
    const name = typeof target.name === 'string' ? target.name : null;
    const index = getTokenIndexAt(statement, target.location);
    if (name === null || index === null || !tokenNameIs(index, name)) return;
    const newName = relation.columns.get(name);
    if (newName === undefined) decide(ctx, index, { kind: 'keep' });
    else renameColumnToken(index, newName);
  }

  function withClauseScope(withClause: unknown, parent: Scope): Scope {
    if (!isAst(withClause)) return parent;
    const scope = newScope(parent);
    for (const item of getList(withClause.ctes)) {
      const cte = isAst(item) && isAst(item.CommonTableExpr) ? item.CommonTableExpr : null;
      if (!cte || typeof cte.ctename !== 'string') continue;
      const nameIndex = getTokenIndexAt(statement, cte.location);
      if (nameIndex !== null && tokenNameIs(nameIndex, cte.ctename)) decide(ctx, nameIndex, { kind: 'keep' });
      if (withClause.recursive === true) scope.ctes.set(cte.ctename, EMPTY_COLUMNS);
      const query = isAst(cte.ctequery) ? cte.ctequery : null;
      const outputs = query ? walkQuery(query, scope) : EMPTY_COLUMNS;
      scope.ctes.set(cte.ctename, getList(cte.aliascolnames).length > 0 ? EMPTY_COLUMNS : outputs);
    }
    return scope;
  }

  /** A statement node wrapper (`{ SelectStmt: … }`): walk it, returning renamed output columns. */
  function walkQuery(node: Ast, parent: Scope): ReadonlyMap<string, string> {
    if (isAst(node.SelectStmt)) return walkSelect(node.SelectStmt, parent);
    if (isAst(node.InsertStmt)) return walkInsert(node.InsertStmt, parent);
    if (isAst(node.UpdateStmt)) return walkUpdateOrDelete(node.UpdateStmt, parent, 'fromClause');
    if (isAst(node.DeleteStmt)) return walkUpdateOrDelete(node.DeleteStmt, parent, 'usingClause');
    walk(node, parent);
    return EMPTY_COLUMNS;
  }

  function walkSelect(select: Ast, parent: Scope): ReadonlyMap<string, string> {
    const withScope = withClauseScope(select.withClause, parent);
    if (typeof select.op === 'string' && select.op !== 'SETOP_NONE') {
      const left = isAst(select.larg) ? walkSelect(select.larg, withScope) : EMPTY_COLUMNS;
      if (isAst(select.rarg)) walkSelect(select.rarg, withScope);
      const outputScope = newScope(withScope, [{ alias: null, schema: null, table: null, columns: left, qualifiedOnly: false }]);
      for (const key of ['sortClause', 'limitOffset', 'limitCount', 'lockingClause']) walk(select[key], outputScope);
      return left;
    }
    const scope = newScope(withScope);
    for (const item of getList(select.fromClause)) addFromItem(item, scope);
    rewriteCatalogLookups(statement, scope.relations, select.fromClause, select.whereClause);
    for (const [key, value] of Object.entries(select)) {
      if (key !== 'withClause' && key !== 'fromClause') walk(value, scope);
    }
    return getOutputColumns(getList(select.targetList), scope);
  }

  function getOutputColumns(targets: unknown[], scope: Scope): ReadonlyMap<string, string> {
    const outputs = new Map<string, string>();
    for (const item of targets) {
      const target = isAst(item) && isAst(item.ResTarget) ? item.ResTarget : null;
      if (!target || typeof target.name === 'string' || !isAst(target.val) || !isAst(target.val.ColumnRef)) continue;
      const ref = target.val.ColumnRef;
      const fields = getList(ref.fields);
      const last = fields[fields.length - 1];
      const renamed = renamedRefs.get(ref);
      const column = getString(last);
      if (renamed !== undefined && column !== null) outputs.set(column, renamed);
      if (isAst(last) && 'A_Star' in last) {
        const qualifier = fields.length >= 2 ? getString(fields[fields.length - 2]) : null;
        const relations = qualifier === null ? scope.relations : [findRelation(scope, qualifier, null)];
        for (const relation of relations) for (const [from, to] of relation?.columns ?? []) outputs.set(from, to);
      }
    }
    return outputs;
  }

  function addFromItem(item: unknown, scope: Scope): void {
    if (!isAst(item)) return;
    if (isAst(item.RangeVar)) {
      scope.relations.push(handleRangeVar(item.RangeVar, scope));
    } else if (isAst(item.JoinExpr)) {
      const join = item.JoinExpr;
      addFromItem(join.larg, scope);
      addFromItem(join.rarg, scope);
      walk(join.quals, scope);
    } else if (isAst(item.RangeSubselect)) {
      const sub = item.RangeSubselect;
      const outputs = isAst(sub.subquery) ? walkQuery(sub.subquery, sub.lateral === true ? scope : (scope.parent ?? scope)) : EMPTY_COLUMNS;
      const alias = isAst(sub.alias) ? sub.alias : null;
      scope.relations.push({
        alias: typeof alias?.aliasname === 'string' ? alias.aliasname : null,
        schema: null,
        table: null,
        columns: getList(alias?.colnames).length > 0 ? EMPTY_COLUMNS : outputs,
        qualifiedOnly: false,
      });
    } else {
      // Functions in FROM, XMLTABLE, …: walk their arguments; their columns are not ours.
      walk(item, scope);
      const inner = Object.values(item)[0];
      const alias = isAst(inner) && isAst(inner.alias) && typeof inner.alias.aliasname === 'string' ? inner.alias.aliasname : null;
      scope.relations.push({ alias, schema: null, table: null, columns: EMPTY_COLUMNS, qualifiedOnly: false });
    }
  }

  function getReturning(node: Ast): unknown[] {
    return getList(isAst(node.returningClause) ? node.returningClause.exprs : node.returningList);
  }

  /** Walk a RETURNING list; its renamed output columns matter when the statement is a CTE. */
  function walkReturning(node: Ast, scope: Scope): ReadonlyMap<string, string> {
    const returning = getReturning(node);
    walk(returning, scope);
    return getOutputColumns(returning, scope);
  }

  function walkInsert(insert: Ast, parent: Scope): ReadonlyMap<string, string> {
    const withScope = withClauseScope(insert.withClause, parent);
    if (!isAst(insert.relation)) {
      walk(insert, parent);
      return EMPTY_COLUMNS;
    }
    const relation = handleRangeVar(insert.relation, null);
    for (const item of getList(insert.cols)) if (isAst(item) && isAst(item.ResTarget)) handleTargetName(item.ResTarget, relation);
    if (isAst(insert.selectStmt)) walkQuery(insert.selectStmt, withScope);
    const targetScope = newScope(withScope, [relation]);
    const conflict = isAst(insert.onConflictClause) ? insert.onConflictClause : null;
    if (conflict) {
      const excluded: Relation = { ...relation, alias: 'excluded', qualifiedOnly: true };
      const conflictScope = newScope(withScope, [relation, excluded]);
      const infer = isAst(conflict.infer) ? conflict.infer : null;
      if (infer) {
        const index = getTokenIndexAt(statement, infer.location);
        if (index !== null && getList(infer.indexElems).length > 0) handleColumnList(index, relation, 1);
        for (const elem of getList(infer.indexElems)) if (isAst(elem) && isAst(elem.IndexElem)) walk(elem.IndexElem.expr, targetScope);
        walk(infer.whereClause, targetScope);
      }
      for (const item of getList(conflict.targetList)) {
        if (!isAst(item) || !isAst(item.ResTarget)) continue;
        handleTargetName(item.ResTarget, relation);
        walk(item.ResTarget.val, conflictScope);
      }
      walk(conflict.whereClause, conflictScope);
    }
    return walkReturning(insert, targetScope);
  }

  function walkUpdateOrDelete(node: Ast, parent: Scope, fromKey: 'fromClause' | 'usingClause'): ReadonlyMap<string, string> {
    const withScope = withClauseScope(node.withClause, parent);
    if (!isAst(node.relation)) {
      walk(node, parent);
      return EMPTY_COLUMNS;
    }
    const relation = handleRangeVar(node.relation, withScope);
    const scope = newScope(withScope, [relation]);
    for (const item of getList(node[fromKey])) addFromItem(item, scope);
    for (const item of getList(node.targetList)) {
      if (!isAst(item) || !isAst(item.ResTarget)) continue;
      handleTargetName(item.ResTarget, relation);
      walk(item.ResTarget.val, scope);
    }
    walk(node.whereClause, scope);
    return walkReturning(node, scope);
  }

  /** Statements about one table whose expressions read that table's columns (policies, indexes, …). */
  function walkTableStatement(node: Ast, relationKey: string, parent: Scope): Relation | null {
    const rangeVar = node[relationKey];
    if (!isAst(rangeVar)) {
      walk(node, parent);
      return null;
    }
    const relation = handleRangeVar(rangeVar, null);
    const scope = newScope(parent, [relation]);
    for (const [key, value] of Object.entries(node)) if (key !== relationKey) walk(value, scope);
    return relation;
  }

  function walkIndex(index: Ast, parent: Scope): void {
    const relation = walkTableStatement(index, 'relation', parent);
    const start = isAst(index.relation) ? getTokenIndexAt(statement, index.relation.location) : null;
    if (relation && start !== null) handleColumnList(start, relation, 2);
  }

  function walkCreateTable(create: Ast, parent: Scope): void {
    const relation = walkTableStatement(create, 'relation', parent);
    if (!relation) return;
    for (const element of getList(create.tableElts)) {
      const def = isAst(element) && isAst(element.ColumnDef) ? element.ColumnDef : null;
      if (!def || typeof def.colname !== 'string') continue;
      const index = getTokenIndexAt(statement, def.location);
      if (index === null || !tokenNameIs(index, def.colname)) continue;
      const newName = relation.columns.get(def.colname);
      if (newName === undefined) decide(ctx, index, { kind: 'keep' });
      else renameColumnToken(index, newName);
    }
  }

  function walkTrigger(trigger: Ast, parent: Scope): void {
    if (!isAst(trigger.relation)) return walk(trigger, parent);
    const relation = handleRangeVar(trigger.relation, null);
    const rows: Relation[] = ['new', 'old'].map((alias) => ({ ...relation, alias, qualifiedOnly: true }));
    const scope = newScope(parent, rows);
    for (const [key, value] of Object.entries(trigger)) if (key !== 'relation') walk(value, scope);
  }

  function dispatch(type: string, node: Ast, scope: Scope): void {
    // Index, constraint and sequence names first: the relation walk below would keep their tokens.
    rewriteEmbeddedObjectNames(statement, type, node);
    switch (type) {
      case 'SelectStmt':
        walkSelect(node, scope);
        return;
      case 'InsertStmt':
      case 'UpdateStmt':
      case 'DeleteStmt':
        walkQuery({ [type]: node }, scope);
        return;
      case 'ColumnRef':
        return handleColumnRef(node, scope);
      case 'RangeVar':
        handleRangeVar(node, scope);
        return;
      case 'IndexStmt':
        return walkIndex(node, scope);
      case 'CreateStmt':
        return walkCreateTable(node, scope);
      case 'CreatePolicyStmt':
      case 'AlterPolicyStmt':
        walkTableStatement(node, 'table', scope);
        return;
      case 'AlterTableStmt':
        walkTableStatement(node, 'relation', scope);
        return;
      case 'CreateTrigStmt':
        return walkTrigger(node, scope);
      case 'CreateFunctionStmt':
      case 'DoStmt':
        rewriteFunctionBodies(statement, type, node);
        walk(node, scope);
        return;
      case 'TypeCast':
      case 'FuncCall':
        rewriteNameLiterals(statement, type, node);
        walk(node, scope);
        return;
      default:
        walk(node, scope);
    }
  }

  function walk(value: unknown, scope: Scope): void {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, scope);
      return;
    }
    if (!isAst(value)) return;
    const keys = Object.keys(value);
    const [only] = keys;
    if (keys.length === 1 && only !== undefined && /^[A-Z]/.test(only) && isAst(value[only])) {
      dispatch(only, value[only], scope);
      return;
    }
    // Inline RangeVars (`relation`, `pktable` fields) carry no node wrapper.
    if (typeof value.relname === 'string' && 'relpersistence' in value) {
      handleRangeVar(value, scope);
      return;
    }
    for (const child of Object.values(value)) walk(child, scope);
  }

  return { walk };
}
