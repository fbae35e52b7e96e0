/** libpg-query parse trees as the SQL rewriter reads them: plain objects keyed by node type. */
export type Ast = Record<string, unknown>;

/** A parse-tree node (an object, not an array). */
export function isAst(value: unknown): value is Ast {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The last `String` of a qualified name list (`funcname`, `relname` parts): the unqualified name. */
export function getLastName(names: unknown): string | null {
  if (!Array.isArray(names)) return null;
  const last: unknown = names[names.length - 1];
  return isAst(last) && isAst(last.String) && typeof last.String.sval === 'string' ? last.String.sval : null;
}
