/**
 * Parse TypeScript or JavaScript source into the typescript-estree AST every part of this package is written for
 * (the shape ESLint's typescript-eslint parser gives the lint rules), without TypeScript: oxc-parser (native) parses,
 * and one pass over the tree makes its output typescript-estree's where the two differ.
 *
 * The differences, found by parsing the same files with both and comparing every node (about 1,600 files of real
 * applications and this package; `docs/codemods/rename.md`, "Parser"): oxc writes `null` where typescript-estree leaves
 * a child `undefined` (type annotations, type arguments and parameters, return types, `directive`, `accessibility`…),
 * has a `hashbang` on the program, and gives nodes `start`/`end` beside `range` (comments only `start`/`end`). `parent` links are set in the same
 * pass, as ESLint sets them. What is left differs only in text values nothing here reads (a JSX text's `value` keeps
 * its HTML entities; a tagged template with an invalid escape such as `\1` has `cooked: null`, as the language
 * says, where typescript-estree has a string).
 *
 * Source nested thousands deep, which would overflow oxc's native stack, is parsed by typescript-estree instead
 * (`isTooDeepForNativeParser`).
 *
 * Why not typescript-estree itself: it needs TypeScript, which costs more to load than a whole rename run of an
 * ordinary repository takes with this parser, and parses about five times slower; and the user's TypeScript may be
 * one typescript-estree cannot use (7.x).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';

/** Loads the parsers on first use (Node's module cache keeps them). */
const requireFromHere = createRequire(import.meta.url);

export type ParsedSource = TSESTree.Program & { readonly comments: TSESTree.Comment[] };

/** A syntax error of the source: where and what, as a parser reports it. */
export class SourceSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'SourceSyntaxError';
  }
}

/** Children oxc writes as `null` where typescript-estree leaves them `undefined`, on any node. */
const UNDEFINED_WHEN_ABSENT = new Set([
  'typeAnnotation',
  'typeArguments',
  'typeParameters',
  'superTypeArguments',
  'returnType',
  'directive',
  'accessibility',
  'constraint',
  'default',
]);

/** typescript-estree keeps `null` for these, on this node type only. */
const NULL_WHEN_ABSENT_ON: Readonly<Record<string, ReadonlySet<string>>> = {
  TSImportType: new Set(['typeArguments']),
};

/** The same, on one node type only (elsewhere `null` is typescript-estree's value too). */
const UNDEFINED_WHEN_ABSENT_ON: Readonly<Record<string, ReadonlySet<string>>> = {
  RestElement: new Set(['value']),
  TSDeclareFunction: new Set(['body']),
  TSMappedType: new Set(['readonly']),
};

/**
 * The program of `source` (the file at `path`: its extension decides TypeScript or JavaScript, JSX or not) with
 * ranges, comments and `parent` links. Throws `SourceSyntaxError` at the first syntax error.
 */
export function parseSource(source: string, path: string): ParsedSource {
  const oxc = isTooDeepForNativeParser(source, path) ? null : loadOxcParser();
  if (!oxc) return parseWithTypeScript(source, path);
  const result = oxc.parseSync(path, source, { lang: getLanguage(path), sourceType: 'module', astType: 'ts', range: true, preserveParens: false });
  const [error] = result.errors;
  if (error) {
    const offset = error.labels[0]?.start ?? 0;
    const { line, column } = getLineAndColumn(source, offset);
    throw new SourceSyntaxError(line, column, error.message);
  }
  const program = result.program as unknown as TSESTree.Program & { hashbang?: unknown };
  delete program.hashbang;
  normalize(program as unknown as Record<string, unknown>, undefined);
  const comments = result.comments.map((comment) => ({ ...comment, range: [comment.start, comment.end] })) as unknown as TSESTree.Comment[];
  return Object.assign(program, { comments });
}

function getLanguage(path: string): 'ts' | 'tsx' | 'dts' | 'jsx' {
  if (/\.d\.[mc]?ts$/i.test(path)) return 'dts';
  if (/\.[mc]?ts$/i.test(path)) return 'ts';
  if (/\.tsx$/i.test(path)) return 'tsx';
  // JavaScript (.js, .jsx, .mjs, .cjs, or no extension): JSX allowed, as typescript-estree parses JavaScript.
  return 'jsx';
}

function isJsx(language: ReturnType<typeof getLanguage>): boolean {
  return language === 'tsx' || language === 'jsx';
}

function normalize(node: Record<string, unknown>, parent: unknown): void {
  node.parent = parent;
  // typescript-estree has `range` only; `undefined` (not `delete`) keeps the object's shape, and is what an absent
  // key reads as, also to code that compares nodes by their JSON.
  node.start = undefined;
  node.end = undefined;
  const only = UNDEFINED_WHEN_ABSENT_ON[node.type as string];
  const kept = NULL_WHEN_ABSENT_ON[node.type as string];
  for (const key in node) {
    if (key === 'parent') continue;
    const value = node[key];
    if (value === null) {
      if ((UNDEFINED_WHEN_ABSENT.has(key) && !kept?.has(key)) || only?.has(key)) node[key] = undefined;
    } else if (typeof value === 'object') {
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) normalize(item, node);
      } else if (isNode(value)) {
        normalize(value, node);
      }
    }
  }
}

function isNode(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function getLineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = source.indexOf('\n'); index !== -1 && index < offset; index = source.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * oxc-parser recurses on the native stack, and source nested some thousands deep (brackets, conditional expressions,
 * JSX elements) overflows it: the process dies (SIGSEGV) instead of throwing. Measured on Node 20, 8 MB stack:
 * 3,000 nested brackets parse, 6,000 crash; conditionals and JSX crash between 6,000 and 50,000. Such a file (never
 * hand-written; generated data can be) goes to typescript-estree, which throws a RangeError (it gives up sooner,
 * at about 1,500 brackets) that the caller reports as an internal error, the process alive. The scan is linear and costs far less than the parse.
 */
const MAX_NATIVE_BRACKET_DEPTH = 2_500;
const MAX_NATIVE_CONDITIONALS = 4_000;

function isTooDeepForNativeParser(source: string, path: string): boolean {
  if (source.length < MAX_NATIVE_BRACKET_DEPTH * 2) return false;
  const jsx = isJsx(getLanguage(path));
  let depth = 0;
  let conditionals = 0;
  let tags = 0;
  for (let index = 0; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 40 || code === 91 || code === 123) {
      // ( [ {
      if (++depth > MAX_NATIVE_BRACKET_DEPTH) return true;
    } else if (code === 41 || code === 93 || code === 125) {
      depth--;
    } else if (code === 63) {
      // `?`, not `?.`, `??` or `?:` (optional chaining, nullish coalescing, optional members).
      const next = source.charCodeAt(index + 1);
      if (next !== 46 && next !== 63 && next !== 58 && ++conditionals > MAX_NATIVE_CONDITIONALS) return true;
      if (next === 63) index++;
    } else if (jsx && code === 60 && ++tags > MAX_NATIVE_CONDITIONALS) {
      return true;
    }
  }
  return false;
}

/**
 * oxc-parser, or null where it cannot load: its native binding is an optional dependency of its own, which an install
 * may leave out (`--omit=optional`, a platform it has no build for). Then typescript-estree parses, slower but alike,
 * so neither the lint rules nor the CLI stop working. Loaded on first use (Node's module cache keeps it), never at
 * plugin load.
 */
function loadOxcParser(): typeof import('oxc-parser') | null {
  try {
    return requireFromHere('oxc-parser') as typeof import('oxc-parser');
  } catch {
    return null;
  }
}

/** typescript-estree's parse (loaded only for such a file, or without oxc-parser), with the same result shape and errors. */
function parseWithTypeScript(source: string, path: string): ParsedSource {
  type Estree = typeof import('@typescript-eslint/typescript-estree');
  const estree = requireFromHere('@typescript-eslint/typescript-estree') as Estree;
  let program: ParsedSource;
  try {
    program = estree.parse(source, { range: true, comment: true, jsx: isJsx(getLanguage(path)), filePath: path }) as ParsedSource;
  } catch (error) {
    if (error instanceof estree.TSError) throw new SourceSyntaxError(error.lineNumber, error.column + 1, error.message);
    throw error;
  }
  estree.simpleTraverse(program, { enter: () => undefined }, true);
  return program;
}
