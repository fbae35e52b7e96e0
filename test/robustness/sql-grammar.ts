/**
 * A small grammar of Postgres statements for the SQL rewriter's property tests, over the plan
 * `messages → comms_messages` and `messages.user_id → sender_id`. Every generated statement comes with
 * the text the rewriter must produce: references to the renamed table (any case unquoted, quoted, schema
 * qualified) and to its renamed column (through an alias, the table name, or bare in a one-table statement)
 * change; look-alike tables and columns (`xmessages`, `messages_count`, `"Messages"`, `other.messages`,
 * `u.user_id` of a joined table, an alias named `messages` over another table), string literals (`E''`,
 * doubled quotes, dollar-quoted bodies), comments and numbers don't. Selects also appear nested in a CTE, a derived
 * table or an IN subquery.
 */
import fc from 'fast-check';

/** Source text and the text expected after the rename. */
export type Piece = readonly [before: string, after: string];

interface TableChoice {
  readonly ref: Piece;
  /** Whether this is the renamed table (so its `user_id` column is renamed too). */
  readonly renamed: boolean;
}

const same = (text: string): Piece => [text, text];

const TABLES: readonly TableChoice[] = [
  { ref: ['messages', 'comms_messages'], renamed: true },
  { ref: ['MESSAGES', 'comms_messages'], renamed: true },
  { ref: ['Messages', 'comms_messages'], renamed: true },
  { ref: ['"messages"', '"comms_messages"'], renamed: true },
  { ref: ['public.messages', 'public.comms_messages'], renamed: true },
  { ref: same('"Messages"'), renamed: false },
  { ref: same('xmessages'), renamed: false },
  { ref: same('messages_count'), renamed: false },
  { ref: same('other.messages'), renamed: false },
  { ref: same('calls'), renamed: false },
];

/** Columns of the main table: the renamed one (when the table is renamed) in several spellings, and look-alikes. */
function getColumns(table: TableChoice): Piece[] {
  const rename = (before: string, after: string): Piece => (table.renamed ? [before, after] : same(before));
  return [rename('user_id', 'sender_id'), rename('USER_ID', 'sender_id'), rename('"user_id"', '"sender_id"'), same('"User_id"'), same('user_id_count'), same('xuser_id'), same('body')];
}

export const VALUES: readonly string[] = [
  "'messages'",
  "'it''s user_id from messages'",
  "E'messages\\n user_id \\' messages'",
  '$$ select user_id from messages $$',
  '$tag$ update messages set user_id = 1 $tag$',
  "'naïve messages'",
  '42',
  'null',
];

const SEPARATORS: readonly string[] = [' ', '\n  ', ' /* messages.user_id */ ', ' -- from messages where user_id\n', '\t'];

const join = (pieces: readonly Piece[], glue: string): Piece => [pieces.map((p) => p[0]).join(glue), pieces.map((p) => p[1]).join(glue)];
/** Concatenate pieces, each followed by the generated separator at that position (cycled). */
function sequence(pieces: readonly (Piece | string)[], separators: readonly string[]): Piece {
  const out: Piece[] = [];
  pieces.forEach((piece, i) => {
    out.push(typeof piece === 'string' ? same(piece) : piece);
    if (i < pieces.length - 1) out.push(same(separators[i % separators.length] ?? ' '));
  });
  return join(out, '');
}

const tableArb = fc.constantFrom(...TABLES);
const separatorsArb = fc.array(fc.constantFrom(...SEPARATORS), { minLength: 1, maxLength: 6 });
const valueArb = fc.constantFrom(...VALUES);

/** How a statement names its main table in column references: an alias, the table itself, or nothing. */
const qualifierArb = (table: TableChoice) =>
  fc.constantFrom<readonly [decl: string, ref: Piece | null]>(
    [' as m', same('m')],
    [' MSG', same('msg')],
    ['', table.ref],
    ['', null],
    // An alias named like the old table, over another table: `messages.user_id` is not the renamed column.
    ...(table.renamed ? [] : ([[' as messages', same('messages')]] as const)),
  );

function columnRef(column: Piece, qualifier: Piece | null): Piece {
  return qualifier ? join([qualifier, column], '.') : column;
}

const selectArb = tableArb.chain((table) =>
  fc.record({
    columns: fc.array(fc.constantFrom(...getColumns(table)), { minLength: 1, maxLength: 3 }),
    qualifier: qualifierArb(table),
    join: fc.boolean(),
    where: fc.constantFrom(...getColumns(table)),
    value: valueArb,
    separators: separatorsArb,
  }).map(({ columns, qualifier: [decl, ref], join: withJoin, where, value, separators }) => {
    // In a join, bare columns would be ambiguous: qualify them (a bare statement gets an alias).
    const [aliasDecl, aliasRef] = withJoin && ref === null ? [' as m', same('m')] : [decl, ref];
    const qualifier = withJoin ? aliasRef : ref;
    const list = join([...columns.map((c) => columnRef(c, qualifier)), ...(withJoin ? [same('u.user_id')] : [])], ', ');
    const from = join([table.ref, same(aliasDecl)], '');
    const joinPart = withJoin && qualifier ? [join([same('join users u on u.id = '), columnRef(getColumns(table)[0]!, qualifier)], '')] : [];
    return sequence(['select', list, 'from', from, ...joinPart, 'where', columnRef(where, qualifier), '=', value], separators);
  }),
);

const insertArb = tableArb.chain((table) =>
  fc.record({
    columns: fc.uniqueArray(fc.constantFrom(...getColumns(table)), { minLength: 1, maxLength: 3, selector: (c) => c[0].toLowerCase().replaceAll('"', '') }),
    values: fc.array(valueArb, { minLength: 3, maxLength: 3 }),
    separators: separatorsArb,
  }).map(({ columns, values, separators }) =>
    sequence(['insert into', table.ref, join([same('('), join(columns, ', '), same(')')], ''), 'values', `(${values.slice(0, columns.length).join(', ')})`], separators),
  ),
);

const updateArb = tableArb.chain((table) =>
  fc.record({
    qualifier: qualifierArb(table),
    set: fc.constantFrom(...getColumns(table)),
    where: fc.constantFrom(...getColumns(table)),
    values: fc.tuple(valueArb, valueArb),
    separators: separatorsArb,
  }).map(({ qualifier: [decl, ref], set, where, values, separators }) =>
    sequence(['update', join([table.ref, same(decl)], ''), 'set', set, '=', values[0], 'where', columnRef(where, ref), '=', values[1]], separators),
  ),
);

const deleteArb = tableArb.chain((table) =>
  fc.record({ qualifier: qualifierArb(table), where: fc.constantFrom(...getColumns(table)), value: valueArb, separators: separatorsArb }).map(
    ({ qualifier: [decl, ref], where, value, separators }) => sequence(['delete from', join([table.ref, same(decl)], ''), 'where', columnRef(where, ref), '=', value], separators),
  ),
);

/** A select nested in a CTE, a derived table or an IN subquery: the references inside follow the same rules. */
const nestedArb = fc.tuple(selectArb, fc.constantFrom(0, 1, 2), fc.constantFrom(...TABLES)).map(([inner, form, outer]) => {
  if (form === 0) return join([same('with recent as ('), inner, same(') select * from recent')], '');
  if (form === 1) return join([same('select count(*) from ('), inner, same(') as sub')], '');
  return join([same('delete from '), outer.ref, same(' where id in ('), inner, same(')')], '');
});

/** One to three statements separated by `;` and a newline, with the expected rewrite. */
export const sqlArb: fc.Arbitrary<Piece> = fc
  .array(fc.oneof(selectArb, insertArb, updateArb, deleteArb, nestedArb), { minLength: 1, maxLength: 3 })
  .map((statements) => join(statements, ';\n'));
