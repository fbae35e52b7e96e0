import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { DrizzleTable } from '../../drizzle-model/index.js';
import { fixInsertListItem } from '../utils/fix-insert-list-item.js';
import type { IndexReference } from './get-index-reference.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The index element for the suggestion: `index('name').on(t.a, t.b)`. */
export function getIndexCall(reference: IndexReference, name: string, param: string, keys: readonly string[], quote: string): string {
  return `${reference.callee}(${quote}${name}${quote}).on(${keys.map((key) => `${param}.${key}`).join(', ')})`;
}

/** The parameter name a new or parameter-less callback gets: `table`, unless that would hide the `index` reference. */
export function getNewParamName(reference: IndexReference): string {
  return reference.callee.split('.')[0] === 'table' ? 't' : 'table';
}

/** Property keys for the object form that no other property uses: `userIdIdx`, `userIdIdx2`, … (one per item). */
function getUniqueKeys(container: TSESTree.ObjectExpression, items: readonly NewIndex[]): string[] {
  const taken = new Set(
    container.properties.flatMap((p) =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier ? [p.key.name] : [],
    ),
  );
  return items.map(({ keys }) => {
    const base = `${keys.map((key, i) => (i === 0 ? key : key.charAt(0).toUpperCase() + key.slice(1))).join('')}Idx`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}${n}`;
    taken.add(candidate);
    return candidate;
  });
}

function getLineIndent(sourceCode: Readonly<TSESLint.SourceCode>, line: number): string {
  return /^\s*/.exec(sourceCode.lines[line - 1] ?? '')![0];
}

/**
 * A new array for a table whose columns span several lines: one element per line, indented one level deeper than
 * the line that closes the columns (the level is taken from the columns themselves), with a trailing comma.
 */
function getMultilineArray(sourceCode: Readonly<TSESLint.SourceCode>, table: DrizzleTable, columnsArg: TSESTree.Node, texts: readonly string[]): string {
  const closingIndent = getLineIndent(sourceCode, columnsArg.loc.end.line);
  const first = table.columnsNode?.properties[0];
  const firstIndent = first ? getLineIndent(sourceCode, first.loc.start.line) : '';
  const unit = firstIndent.startsWith(closingIndent) && firstIndent.length > closingIndent.length ? firstIndent.slice(closingIndent.length) : '  ';
  return `[\n${texts.map((text) => `${closingIndent}${unit}${text},\n`).join('')}${closingIndent}]`;
}

/** One index to add: the foreign key's column keys and the index name. */
export interface NewIndex {
  readonly keys: readonly string[];
  readonly name: string;
}

/**
 * Edits that add indexes on `items` to the table's third argument: appended to the returned array, added as
 * properties of the returned object, or a new `(table) => [index(...), …]` argument when the table has none.
 * The `index` import is not part of them (one import edit serves every table of a file). Several indexes of one
 * table are added by the same edits, so `--fix` needs one pass for them however many there are.
 * Null when the third argument is not understood (a destructured parameter, a returned value that is not a literal).
 */
export function fixAddIndexes(
  sourceCode: Readonly<TSESLint.SourceCode>,
  table: DrizzleTable,
  items: readonly NewIndex[],
  reference: IndexReference,
  quote: string,
): { readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]; readonly texts: readonly string[] } | null {
  if (items.length === 0 || !items.every(({ keys }) => keys.every((key) => IDENTIFIER.test(key)))) return null;
  const { extraConfig } = table;

  if (!extraConfig) {
    const [, columnsArg, ...rest] = table.node.arguments;
    if (!columnsArg || rest.length > 0) return null;
    const param = getNewParamName(reference);
    const texts = items.map(({ keys, name }) => getIndexCall(reference, name, param, keys, quote));
    const array =
      columnsArg.loc.start.line === columnsArg.loc.end.line ? `[${texts.join(', ')}]` : getMultilineArray(sourceCode, table, columnsArg, texts);
    return { texts, fix: (fixer) => [fixer.insertTextAfter(columnsArg, `, (${param}) => ${array}`)] };
  }

  const { fn, container } = extraConfig;
  if (!container) return null;
  let param = extraConfig.param;
  let addParam: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | null = null;
  if (param === null) {
    if (fn.params.length > 0 || fn.returnType || fn.typeParameters) return null;
    // `() => [...]` or `function () {...}`: the closing parenthesis is the token before `=>` or before the body.
    const beforeBody = sourceCode.getTokenBefore(fn.body)!;
    const closingParen = fn.type === AST_NODE_TYPES.ArrowFunctionExpression ? sourceCode.getTokenBefore(beforeBody)! : beforeBody;
    if (closingParen.value !== ')') return null;
    const newParam = getNewParamName(reference);
    param = newParam;
    addParam = (fixer) => fixer.insertTextBefore(closingParen, newParam);
  } else if (param === reference.callee.split('.')[0]) {
    return null;
  }
  const texts = items.map(({ keys, name }) => getIndexCall(reference, name, param, keys, quote));
  const list = {
    opening: sourceCode.getFirstToken(container)!,
    closing: sourceCode.getLastToken(container)!,
    padded: container.type === AST_NODE_TYPES.ObjectExpression,
  };
  const entries =
    container.type === AST_NODE_TYPES.ArrayExpression ? texts : getUniqueKeys(container, items).map((key, i) => `${key}: ${texts[i]!}`);
  const listItems =
    container.type === AST_NODE_TYPES.ArrayExpression ? container.elements.filter((e): e is NonNullable<typeof e> => e !== null) : container.properties;
  // Into an empty list the entries go as one item; otherwise each is inserted at the end, in order.
  const insert = (fixer: TSESLint.RuleFixer) =>
    listItems.length === 0
      ? [fixInsertListItem(fixer, sourceCode, { ...list, items: listItems }, 0, entries.join(', '))]
      : entries.map((entry) => fixInsertListItem(fixer, sourceCode, { ...list, items: listItems }, listItems.length, entry));
  return { texts, fix: (fixer) => [...(addParam ? [addParam(fixer)] : []), ...insert(fixer)] };
}
