/**
 * Column-name casing, exactly as drizzle-orm converts a key into a database name
 * (drizzle-orm/casing.js: the same word-splitting regular expression).
 */
export type Casing = 'snake_case' | 'camelCase' | 'preserve';

const WORDS = /[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g;

function splitWords(input: string): string[] {
  return input.replace(/['\u2019]/g, '').match(WORDS) ?? [];
}

/** drizzle-orm's `toSnakeCase`: `userId` → `user_id`, `HTTPStatus` → `http_status`. */
export function toSnakeCase(input: string): string {
  return splitWords(input)
    .map((word) => word.toLowerCase())
    .join('_');
}

/** drizzle-orm's `toCamelCase`: `user_id` → `userId`. */
export function toCamelCase(input: string): string {
  return splitWords(input).reduce(
    (acc, word, i) => acc + (i === 0 ? word.toLowerCase() : `${word[0]!.toUpperCase()}${word.slice(1)}`),
    '',
  );
}

/** The database name drizzle-orm derives from a column key under a casing setting. */
export function applyCasing(key: string, casing: Casing): string {
  if (casing === 'snake_case') return toSnakeCase(key);
  if (casing === 'camelCase') return toCamelCase(key);
  return key;
}

/** Lower-case words joined by single underscores (digits allowed after the first letter). */
export function isSnakeCase(name: string): boolean {
  return /^[a-z][a-z\d]*(?:_[a-z\d]+)*$/.test(name);
}
