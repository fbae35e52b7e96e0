import { parseSqlStatements } from '../sql/parse-statements.js';
import type { SqlToken } from '../sql/scan-sql.js';
import { scanSql } from '../sql/scan-sql.js';

type Ast = Record<string, unknown>;

/** The last definition of a database function in the migrations folder. */
export interface MigrationFunction {
  /** `schema.name(argtypes)`: the identity Postgres replaces with CREATE OR REPLACE. */
  readonly key: string;
  readonly name: string;
  /** The exact statement text, without the trailing semicolon. */
  readonly text: string;
  readonly path: string;
  /** 1-based line of the statement in its file. */
  readonly line: number;
}

function isAst(value: unknown): value is Ast {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function getNames(list: unknown): string[] {
  return (Array.isArray(list) ? list : []).flatMap((item) => (isAst(item) && isAst(item.String) && typeof item.String.sval === 'string' ? [item.String.sval] : []));
}

function getTypeKey(typeName: unknown): string {
  if (!isAst(typeName)) return '?';
  const bounds = Array.isArray(typeName.arrayBounds) ? '[]'.repeat(typeName.arrayBounds.length) : '';
  return getNames(typeName.names).join('.') + bounds;
}

function getFunctionKey(nameList: unknown, argTypes: unknown[]): { key: string; name: string } {
  const names = getNames(nameList);
  const name = names.at(-1) ?? '';
  const schema = names.length > 1 ? (names.at(-2) ?? 'public') : 'public';
  return { key: `${schema}.${name}(${argTypes.map(getTypeKey).join(',')})`, name };
}

/**
 * Every function (and procedure) the migration files define, in file order: the last `CREATE [OR REPLACE]
 * FUNCTION` of each name and argument types wins, and a later `DROP FUNCTION` removes it. Files are parsed
 * statement by statement: a statement that does not parse (an old typo a later migration fixed) is skipped with a
 * `path:line` warning, never a refusal.
 */
export function getMigrationFunctions(sources: ReadonlyArray<{ path: string; source: string }>): { functions: MigrationFunction[]; warnings: string[] } {
  const functions = new Map<string, MigrationFunction>();
  const warnings: string[] = [];
  for (const { path, source } of sources) {
    const parsed = parseSqlStatements(source, path);
    warnings.push(...parsed.warnings);
    for (const statement of parsed.statements) {
      const stmt = statement.stmt;
      if (!stmt) continue;
      if (isAst(stmt.CreateFunctionStmt)) {
        const create = stmt.CreateFunctionStmt;
        const args = (Array.isArray(create.parameters) ? create.parameters : []).flatMap((param) => {
          const p = isAst(param) && isAst(param.FunctionParameter) ? param.FunctionParameter : null;
          return p && p.mode !== 'FUNC_PARAM_OUT' && p.mode !== 'FUNC_PARAM_TABLE' ? [p.argType] : [];
        });
        const { key, name } = getFunctionKey(create.funcname, args);
        functions.set(key, { key, name, text: statement.text.trim(), path, line: statement.line });
      } else if (isAst(stmt.DropStmt) && (stmt.DropStmt.removeType === 'OBJECT_FUNCTION' || stmt.DropStmt.removeType === 'OBJECT_PROCEDURE')) {
        for (const object of Array.isArray(stmt.DropStmt.objects) ? stmt.DropStmt.objects : []) {
          const withArgs = isAst(object) && isAst(object.ObjectWithArgs) ? object.ObjectWithArgs : null;
          if (!withArgs) continue;
          const { key } = getFunctionKey(withArgs.objname, Array.isArray(withArgs.objargs) ? withArgs.objargs : []);
          if (withArgs.args_unspecified === true) {
            for (const existing of [...functions.keys()]) if (existing.startsWith(key.replace(/\(\)$/, '('))) functions.delete(existing);
          } else {
            functions.delete(key);
          }
        }
      }
    }
  }
  return { functions: [...functions.values()], warnings };
}

/** `CREATE FUNCTION …` → `CREATE OR REPLACE FUNCTION …` (unchanged when it already says OR REPLACE). */
export function getReplaceStatement(text: string): string {
  const tokens = scanSql(text).filter((token: SqlToken) => token.kind !== 'comment');
  const index = tokens.findIndex((token) => /^(function|procedure)$/i.test(token.text));
  const keyword = tokens[index];
  if (!keyword || tokens[index - 1]?.text.toLowerCase() === 'replace') return text;
  return `${text.slice(0, keyword.start)}OR REPLACE ${text.slice(keyword.start)}`;
}
