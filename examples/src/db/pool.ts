/**
 * The slice of a `pg`-style pool the raw-SQL code paths need. PGlite satisfies it,
 * and so does `pg.Pool` in production.
 */
export interface QueryResultLike<R> {
  rows: R[];
}

export interface Queryable {
  query<R>(text: string, params?: unknown[]): Promise<QueryResultLike<R>>;
}
