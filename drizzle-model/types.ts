import type { TSESTree } from '@typescript-eslint/utils';
import type { Casing } from '../naming/casing.js';

export type Dialect = 'pg' | 'mysql' | 'sqlite';

/** One call in a column's builder chain: `uuid('id')` is the builder, `.primaryKey()` a link. */
export interface ChainLink {
  /** Method name: `primaryKey`, `notNull`, `defaultRandom`, `$defaultFn`, `references`, … */
  readonly name: string;
  readonly args: readonly TSESTree.CallExpressionArgument[];
  /** The call in the linted file, or null when the link comes from a helper's body in another file. */
  readonly node: TSESTree.CallExpression | null;
}

/** Where a column's builder chain was written. */
export interface HelperOrigin {
  /** The helper's exported (or local) name, e.g. `createdAtColumn`. */
  readonly name: string;
  /** Absolute path of the module that defines it, or null for a helper local to the linted file. */
  readonly module: string | null;
  /** The helper call in the linted file: `createdAtColumn()` in `createdAtColumn().notNull()`. */
  readonly call: TSESTree.CallExpression;
}

export interface DrizzleColumn {
  /** The TypeScript key (`userId` in `userId: uuid('user_id')`). */
  readonly key: string;
  readonly property: TSESTree.Property;
  /** The whole value expression of the property (the outermost call of the chain). */
  readonly value: TSESTree.Expression;
  /** Drizzle builder name as exported by drizzle-orm (`uuid`, `timestamp`, `serial`, `varchar`, …). */
  readonly builder: string;
  /** The builder call; null when it lives in a helper module (see `helper`). */
  readonly builderNode: TSESTree.CallExpression | null;
  /** The explicit name string node in the linted file, if any. */
  readonly nameNode: TSESTree.StringLiteral | null;
  /** The explicit DB name (from the linted file or from a helper's body), or null when name-less. */
  readonly explicitName: string | null;
  /** The config object argument (`{ precision: 3 }`), null when absent. May live in a helper module. */
  readonly config: TSESTree.ObjectExpression | null;
  /** True when `config` is a node of the linted file (so it can be fixed here). */
  readonly configIsLocal: boolean;
  /** Effective DB name: the explicit name, else the key converted by the casing in force. */
  readonly dbName: string;
  /**
   * True when the name argument is an expression whose value is not known statically (`uuid(ID_COLUMN)`,
   * a template with expressions): `dbName` is then only the key-derived guess, and rules should not judge it.
   */
  readonly nameIsDynamic: boolean;
  /** Calls after the builder, in order (helper body links first, then the local ones). */
  readonly chain: readonly ChainLink[];
  /** Set when the column is built by a helper (from a helper module or a local function). */
  readonly helper: HelperOrigin | null;
  /**
   * The SQL type of a column built from a builder the project made: a `pgEnum`'s type name (builder `pgEnum`),
   * a `customType`'s `dataType()` (builder `customType`); null otherwise or when not a literal.
   */
  readonly typeName: string | null;
}

/**
 * A column that comes from a spread shared columns object (`...timestamps`, where
 * `export const timestamps = { createdAt: timestamp('created_at', …) }`, in this file or another module).
 * Its nodes are in the object's definition, so it can only be reported at the spread and never fixed there.
 */
export interface DrizzleSpreadColumn {
  readonly key: string;
  readonly builder: string;
  readonly explicitName: string | null;
  /** Effective DB name under the table's casing. */
  readonly dbName: string;
  readonly nameIsDynamic: boolean;
  readonly chain: readonly ChainLink[];
  readonly typeName: string | null;
  readonly spread: {
    /** The spread variable (`timestamps`), null for an expression. */
    readonly name: string | null;
    /** Absolute path of the module that defines the object; null for the linted file. */
    readonly module: string | null;
    /** The `...timestamps` element of the linted file. */
    readonly node: TSESTree.SpreadElement;
  };
}

/** An entry of the columns object that is not a recognizable column (a spread, even a resolved one; computed keys). */
export interface OpaqueEntry {
  readonly node: TSESTree.Property | TSESTree.SpreadElement;
}

/** A column reference inside the extra config: `t.userId` → key `userId`; null for an expression. */
export type ColumnRef = string | null;

export type IndexKind = 'index' | 'uniqueIndex' | 'unique' | 'primaryKey';

/** An index or key from the third argument, or implied by a column (`.primaryKey()`, `.unique()`). */
export interface DrizzleIndex {
  readonly kind: IndexKind;
  readonly name: string | null;
  /** The name string in the linted file (`index('x')`, `primaryKey({ name: 'x' })`, `.unique('x')`), if any. */
  readonly nameNode: TSESTree.StringLiteral | null;
  /** Column keys in order; null entries are expressions (`sql\`lower(${t.email})\``). */
  readonly columns: readonly ColumnRef[];
  /** Has a `.where(...)` clause (a partial index). */
  readonly partial: boolean;
  readonly node: TSESTree.Node;
  /** `column` when implied by a column-level `.primaryKey()` / `.unique()` (`node` is the spread for a spread column). */
  readonly source: 'column' | 'extraConfig';
}

/** A referential action as written: `'set null'` in `{ onDelete: 'set null' }` or `.onDelete('set null')`. */
export interface ForeignKeyAction {
  readonly value: string;
  /** The string literal in the linted file, null when it comes from a helper's body. */
  readonly node: TSESTree.StringLiteral | null;
}

export interface DrizzleForeignKey {
  /** Column keys of this table, in order. */
  readonly columns: readonly string[];
  /** The `name` option of `foreignKey({ name })`, if written as a string. */
  readonly nameNode: TSESTree.StringLiteral | null;
  /** The referenced table's variable (`users` in `() => users.id` or `foreignColumns: [users.id]`), null when not a plain `x.y`. */
  readonly foreignTable: string | null;
  /** The referenced column keys, in order (null entries are not plain `x.y` references). */
  readonly foreignColumns: readonly ColumnRef[];
  /** `onDelete` as written (inline config or `.onDelete(...)`), null when not given (the database's `no action`). */
  readonly onDelete: ForeignKeyAction | null;
  readonly onUpdate: ForeignKeyAction | null;
  readonly node: TSESTree.Node;
  readonly source: 'column' | 'extraConfig';
}

/** The third argument of a table call. */
export interface DrizzleExtraConfig {
  readonly fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  /** The callback's first parameter name (`t`, `table`), null when it has none. */
  readonly param: string | null;
  /** The returned container: an array (current form) or an object (deprecated form). */
  readonly container: TSESTree.ArrayExpression | TSESTree.ObjectExpression | null;
}

export interface DrizzleTable {
  readonly node: TSESTree.CallExpression;
  readonly dialect: Dialect;
  /** DB table name, or null when not a string literal. */
  readonly name: string | null;
  readonly nameNode: TSESTree.StringLiteral | null;
  /** Schema from `pgSchema('x').table`, else null (the default schema). */
  readonly schema: string | null;
  /** The variable the table is assigned to (`export const users = pgTable(...)`), if any. */
  readonly variableName: string | null;
  /** The casing in force for name-less columns (a `snakeCase.table` overrides the setting). */
  readonly casing: Casing;
  /** The columns object (from the literal or the callback's body), null when not recognizable. */
  readonly columnsNode: TSESTree.ObjectExpression | null;
  readonly columns: readonly DrizzleColumn[];
  /** Columns of resolved spreads, in source order (their spread elements are also in `opaque`). */
  readonly spreadColumns: readonly DrizzleSpreadColumn[];
  readonly opaque: readonly OpaqueEntry[];
  readonly extraConfig: DrizzleExtraConfig | null;
  /** Indexes and keys: column-level ones first, then the extra config's. */
  readonly indexes: readonly DrizzleIndex[];
  readonly foreignKeys: readonly DrizzleForeignKey[];
  /** A composite `primaryKey({ columns })` in the extra config. */
  readonly hasCompositePrimaryKey: boolean;
  /** `check('name', sql\`…\`)` constraints of the extra config. */
  readonly checks: readonly { readonly nameNode: TSESTree.StringLiteral | null; readonly node: TSESTree.Node }[];
}
