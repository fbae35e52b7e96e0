import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
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

/** A property key for the object form that no other property uses: `userIdIdx`, `userIdIdx2`, … */
function getUniqueKey(container: TSESTree.ObjectExpression, keys: readonly string[]): string {
  const taken = new Set(
    container.properties.flatMap((p) =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier ? [p.key.name] : [],
    ),
  );
  const base = `${keys.map((key, i) => (i === 0 ? key : key.charAt(0).toUpperCase() + key.slice(1))).join('')}Idx`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}${n}`;
  return candidate;
}

function getLineIndent(sourceCode: Readonly<TSESLint.SourceCode>, line: number): string {
  return /^\s*/.exec(sourceCode.lines[line - 1] ?? '')![0];
}

/**
 * A new array for a table whose columns span several lines: one element per line, indented one level deeper than
 * the line that closes the columns (the level is taken from the columns themselves), with a trailing comma.
 */
function getMultilineArray(sourceCode: Readonly<TSESLint.SourceCode>, table: DrizzleTable, columnsArg: TSESTree.Node, text: string): string {
  const closingIndent = getLineIndent(sourceCode, columnsArg.loc.end.line);
  const first = table.columnsNode?.properties[0];
  const firstIndent = first ? getLineIndent(sourceCode, first.loc.start.line) : '';
  const unit = firstIndent.startsWith(closingIndent) && firstIndent.length > closingIndent.length ? firstIndent.slice(closingIndent.length) : '  ';
  return `[\n${closingIndent}${unit}${text},\n${closingIndent}]`;
}

/**
 * A fix that adds an index on `keys` to the table's third argument: appended to the returned array, added as a
 * property of the returned object, or a new `(table) => [index(...)]` argument when the table has none. It also
 * adds the `index` import when needed. Each fix is complete on its own (ESLint applies one per pass per table).
 * Null when the third argument is not understood (a destructured parameter, a returned value that is not a literal).
 */
export function fixAddIndex(
  sourceCode: Readonly<TSESLint.SourceCode>,
  table: DrizzleTable,
  keys: readonly string[],
  name: string,
  reference: IndexReference,
  quote: string,
): { readonly fix: TSESLint.ReportFixFunction; readonly text: string } | null {
  if (!keys.every((key) => IDENTIFIER.test(key))) return null;
  const withImport = (fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[]): TSESLint.ReportFixFunction =>
    (fixer) => [...(reference.fixImport ? [reference.fixImport(fixer)] : []), ...[fix(fixer)].flat()];
  const { extraConfig } = table;

  if (!extraConfig) {
    const [, columnsArg, ...rest] = table.node.arguments;
    if (!columnsArg || rest.length > 0) return null;
    const param = getNewParamName(reference);
    const text = getIndexCall(reference, name, param, keys, quote);
    const array = columnsArg.loc.start.line === columnsArg.loc.end.line ? `[${text}]` : getMultilineArray(sourceCode, table, columnsArg, text);
    return { text, fix: withImport((fixer) => fixer.insertTextAfter(columnsArg, `, (${param}) => ${array}`)) };
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
  const text = getIndexCall(reference, name, param, keys, quote);
  const list = {
    opening: sourceCode.getFirstToken(container)!,
    closing: sourceCode.getLastToken(container)!,
    padded: container.type === AST_NODE_TYPES.ObjectExpression,
  };
  const insert =
    container.type === AST_NODE_TYPES.ArrayExpression
      ? (fixer: TSESLint.RuleFixer) => {
          const items = container.elements.filter((e): e is NonNullable<typeof e> => e !== null);
          return fixInsertListItem(fixer, sourceCode, { ...list, items }, items.length, text);
        }
      : (fixer: TSESLint.RuleFixer) =>
          fixInsertListItem(fixer, sourceCode, { ...list, items: container.properties }, container.properties.length, `${getUniqueKey(container, keys)}: ${text}`);
  return { text, fix: withImport((fixer) => (addParam ? [addParam(fixer), insert(fixer)] : insert(fixer))) };
}
