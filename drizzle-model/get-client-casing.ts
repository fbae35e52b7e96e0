/**
 * The `casing` an application passes to `drizzle(client, { casing })`, for projects whose drizzle.config does not
 * say it (drizzle-kit v1 moved it there; many 0.x apps set it only on the client). Read from files' text without
 * parsing: a file that imports a drizzle-orm driver entry (not a `*-core` module) and calls `drizzle(` with a literal
 * `casing`. Null when no file says it, or when files disagree (then the user must pass `--casing` / the setting).
 * The rename codemod passes the run's code files; the lint rules pass the files of the schema's package
 * (findClientCasing).
 */

const DRIVER_IMPORT = /\bfrom\s*['"]drizzle-orm\/(?![a-z]+-core['"])[\w/-]+['"]/;
const DRIZZLE_CALL = /\bdrizzle\s*\(/;
const CASING = /\bcasing\s*:\s*(['"`])(snake_case|camelCase)\1/g;

export interface ClientCasing {
  readonly casing: 'snake_case' | 'camelCase';
  /** Paths of the files that set it. */
  readonly files: readonly string[];
}

/** A file's path (as the caller names it in messages) and text. */
export interface ClientCasingSource {
  readonly path: string;
  readonly source: string;
}

export function getClientCasing(files: readonly ClientCasingSource[]): ClientCasing | null {
  const found = new Map<'snake_case' | 'camelCase', string[]>();
  for (const file of files) {
    if (!file.source.includes('casing') || !DRIZZLE_CALL.test(file.source) || !DRIVER_IMPORT.test(file.source)) continue;
    for (const match of file.source.matchAll(CASING)) {
      const casing = match[2] as 'snake_case' | 'camelCase';
      const paths = found.get(casing) ?? [];
      if (!paths.includes(file.path)) paths.push(file.path);
      found.set(casing, paths);
    }
  }
  if (found.size !== 1) return null;
  const [entry] = [...found];
  return entry ? { casing: entry[0], files: entry[1] } : null;
}
