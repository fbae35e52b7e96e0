/**
 * pgTAP's assertion functions that take table, column, index or sequence names, with every overload pgTAP
 * declares (pgTAP 1.3, `sql/pgtap.sql.in`; the argument roles as its documentation names them), so a call can
 * be resolved the way Postgres resolves it and each argument read by its role.
 *
 * One overload is a space-separated list of parameters, `role[:type][?]`:
 * - roles: `schema` (starts a table group), `table` (a table, view, or other relation; starts a group unless
 *   its schema just did), `column` / `columns` (of the group's table; a name, an expression, or an array),
 *   `index` / `indexes` (index names of the group's table), `sequence` / `sequences` (of the group's schema),
 *   `tables` (relation names of the group's schema), `-` (anything else: a description, type, role, trigger,
 *   policy or rule name; the migration renames none of those, so they are never rewritten);
 * - the type, when it is not the role's usual one (`name`; `name[]` for the plural roles; `text` for `-`):
 *   `name`, `text`, `name[]`, `text[]`, `int`, `anyelement`;
 * - `?`: the parameter has a default.
 * Two overloads joined by ` | ` are one declaration that pgTAP dispatches at run time: the one starting with
 * `schema` when its first argument is a schema, else the other.
 */

/** One parameter of a pgTAP overload. */
export interface PgtapParameter {
  readonly role: PgtapRole;
  readonly type: PgtapType;
  readonly optional: boolean;
}

export type PgtapRole = 'schema' | 'table' | 'column' | 'columns' | 'index' | 'indexes' | 'sequence' | 'sequences' | 'tables' | '-';
export type PgtapType = 'name' | 'text' | 'name[]' | 'text[]' | 'int' | 'anyelement';

/** One declared overload: its parameters, and the schema-first reading pgTAP picks at run time, if any. */
export interface PgtapOverload {
  readonly parameters: readonly PgtapParameter[];
  /** Same types, read as `(schema, …)` when the first argument is a schema (pgTAP's `_is_schema($1)`). */
  readonly schemaFirst: readonly PgtapParameter[] | null;
}

const OVERLOADS: Readonly<Record<string, readonly string[]>> = {
  any_column_privs_are: ['schema table -:name -:name[] -', 'schema table -:name -:name[]', 'table -:name -:name[] -', 'table -:name -:name[]'],
  col_default_is: ['schema table column -:anyelement -', 'schema table column - -', 'table column -:anyelement -', 'table column - -', 'table column -:anyelement', 'table column -'],
  col_has_check: ['schema table columns -', 'table columns -', 'table columns', 'schema table column -', 'table column -', 'table column'],
  col_has_default: ['schema table column -', 'table column -', 'table column'],
  col_hasnt_default: ['schema table column -', 'table column -', 'table column'],
  col_is_fk: ['schema table columns -', 'table columns -', 'table columns', 'schema table column -', 'table column -', 'table column'],
  col_is_null: ['schema table column -?', 'table column -?'],
  col_is_pk: ['schema table columns -', 'schema table columns', 'table columns -', 'table columns', 'schema table column -', 'schema table column', 'table column -', 'table column'],
  col_is_unique: ['schema table columns -', 'schema table columns', 'schema table column', 'table columns -', 'table columns', 'schema table column -', 'table column -', 'table column'],
  col_isnt_fk: ['schema table columns -', 'table columns -', 'table columns', 'schema table column -', 'table column -', 'table column'],
  col_isnt_pk: ['schema table columns -', 'table columns -', 'table columns', 'schema table column -', 'table column -', 'table column'],
  col_not_null: ['schema table column -?', 'table column -?'],
  col_type_is: ['schema table column -:name - -', 'schema table column -:name -', 'schema table column - -', 'schema table column -', 'table column - -', 'table column -'],
  column_privs_are: ['schema table column -:name -:name[] -', 'schema table column -:name -:name[]', 'table column -:name -:name[] -', 'table column -:name -:name[]'],
  columns_are: ['schema table columns -', 'schema table columns', 'table columns -', 'table columns'],
  fk_ok: ['schema table columns schema table columns -', 'table columns table columns -', 'schema table columns schema table columns', 'table columns table columns', 'schema table column schema table column -', 'schema table column schema table column:text', 'table column table column -', 'table column table column'],
  foreign_table_owner_is: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  foreign_tables_are: ['schema tables -', 'tables -', 'schema tables', 'tables'],
  has_check: ['schema table -', 'table -', 'table'],
  has_column: ['schema table column -', 'table column -', 'table column'],
  has_fk: ['schema table -', 'table -', 'table'],
  has_foreign_table: ['schema table -', 'schema table', 'table -', 'table'],
  has_index: ['schema table index columns -', 'schema table index columns', 'schema table index column -', 'schema table index column', 'table index columns -', 'table index columns', 'table index column - | schema table index column:text', 'table index column | schema table index', 'table index -', 'table index'],
  has_inherited_tables: ['schema table -', 'schema table', 'table -', 'table'],
  has_materialized_view: ['schema table -', 'table -', 'table'],
  has_pk: ['schema table -', 'schema table', 'table -', 'table'],
  has_relation: ['schema table -', 'table -', 'table'],
  has_rule: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  has_sequence: ['schema sequence -', 'schema sequence', 'sequence -', 'sequence'],
  has_table: ['schema table -', 'schema table', 'table -', 'table'],
  has_trigger: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  has_unique: ['schema:text table:text -', 'table:text -', 'table:text'],
  has_view: ['schema table -', 'schema table', 'table -', 'table'],
  hasnt_column: ['schema table column -', 'table column -', 'table column'],
  hasnt_fk: ['schema table -', 'table -', 'table'],
  hasnt_foreign_table: ['schema table -', 'schema table', 'table -', 'table'],
  hasnt_index: ['schema table index -', 'schema table index', 'table index -', 'table index'],
  hasnt_inherited_tables: ['schema table -', 'schema table', 'table -', 'table'],
  hasnt_materialized_view: ['schema table -', 'table -', 'table'],
  hasnt_pk: ['schema table -', 'table -', 'table'],
  hasnt_relation: ['schema table -', 'table -', 'table'],
  hasnt_rule: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  hasnt_sequence: ['schema sequence -', 'sequence -', 'sequence'],
  hasnt_table: ['schema table -', 'schema table', 'table -', 'table'],
  hasnt_trigger: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  hasnt_view: ['schema table -', 'schema table', 'table -', 'table'],
  index_is_partial: ['schema table index -', 'schema table index', 'table index', 'index'],
  index_is_primary: ['schema table index -', 'schema table index', 'table index', 'index'],
  index_is_type: ['schema table index -:name -', 'schema table index -:name', 'table index -:name', 'index -:name'],
  index_is_unique: ['schema table index -', 'schema table index', 'table index', 'index'],
  index_owner_is: ['schema table index -:name -', 'schema table index -:name', 'table index -:name -', 'table index -:name'],
  indexes_are: ['schema table indexes -', 'schema table indexes', 'table indexes -', 'table indexes'],
  is_ancestor_of: ['schema table schema table -:int -', 'schema table schema table -:int', 'schema table schema table -', 'schema table schema table', 'table table -:int -', 'table table -:int', 'table table -', 'table table'],
  is_clustered: ['schema table index -', 'schema table index', 'table index', 'index'],
  is_descendent_of: ['schema table schema table -:int -', 'schema table schema table -:int', 'schema table schema table -', 'schema table schema table', 'table table -:int -', 'table table -:int', 'table table -', 'table table'],
  is_indexed: ['schema table columns -', 'schema table columns', 'table columns -', 'table columns', 'schema table column -', 'schema table column | table column -:name', 'table column'],
  is_partition_of: ['schema table schema table -', 'schema table schema table', 'table table -', 'table table'],
  is_partitioned: ['schema table -', 'schema table', 'table -', 'table'],
  isnt_ancestor_of: ['schema table schema table -:int -', 'schema table schema table -:int', 'schema table schema table -', 'schema table schema table', 'table table -:int -', 'table table -:int', 'table table -', 'table table'],
  isnt_descendent_of: ['schema table schema table -:int -', 'schema table schema table -:int', 'schema table schema table -', 'schema table schema table', 'table table -:int -', 'table table -:int', 'table table -', 'table table'],
  isnt_partitioned: ['schema table -', 'schema table', 'table -', 'table'],
  materialized_view_owner_is: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  materialized_views_are: ['schema tables -', 'tables -', 'schema tables', 'tables'],
  partitions_are: ['schema table tables -', 'schema table tables', 'table tables -', 'table tables'],
  policies_are: ['schema table -:name[] -', 'schema table -:name[]', 'table -:name[] -', 'table -:name[]'],
  policy_cmd_is: ['schema table -:name - -', 'schema table -:name -', 'table -:name - -', 'table -:name -'],
  policy_roles_are: ['schema table -:name -:name[] -', 'schema table -:name -:name[]', 'table -:name -:name[] -', 'table -:name -:name[]'],
  relation_owner_is: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  rule_is_instead: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  rule_is_on: ['schema table -:name - -', 'schema table -:name -', 'table -:name - -', 'table -:name -'],
  rules_are: ['schema table -:name[] -', 'schema table -:name[]', 'table -:name[] -', 'table -:name[]'],
  sequence_owner_is: ['schema sequence -:name -', 'schema sequence -:name', 'sequence -:name -', 'sequence -:name'],
  sequence_privs_are: ['schema sequence -:name -:name[] -', 'schema sequence -:name -:name[]', 'sequence -:name -:name[] -', 'sequence -:name -:name[]'],
  sequences_are: ['schema sequences -', 'sequences -', 'schema sequences', 'sequences'],
  table_owner_is: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  table_privs_are: ['schema table -:name -:name[] -', 'schema table -:name -:name[]', 'table -:name -:name[] -', 'table -:name -:name[]'],
  tables_are: ['schema tables -', 'tables -', 'schema tables', 'tables'],
  trigger_is: ['schema table -:name -:name -:name -', 'schema table -:name -:name -:name', 'table -:name -:name -', 'table -:name -:name'],
  triggers_are: ['schema table -:name[] -', 'schema table -:name[]', 'table -:name[] -', 'table -:name[]'],
  view_owner_is: ['schema table -:name -', 'schema table -:name', 'table -:name -', 'table -:name'],
  views_are: ['schema tables -', 'tables -', 'schema tables', 'tables'],
};

const ROLES = new Set<string>(['schema', 'table', 'column', 'columns', 'index', 'indexes', 'sequence', 'sequences', 'tables', '-']);
const TYPES = new Set<string>(['name', 'text', 'name[]', 'text[]', 'int', 'anyelement']);
const PLURAL_ROLES = new Set<string>(['columns', 'indexes', 'sequences', 'tables']);

function parseParameters(text: string): PgtapParameter[] {
  return text.split(' ').map((token) => {
    const match = /^([a-z-]+)(?::([a-z[\]]+))?(\?)?$/.exec(token);
    const role = match?.[1] ?? '';
    const type = match?.[2] ?? (role === '-' ? 'text' : PLURAL_ROLES.has(role) ? 'name[]' : 'name');
    if (!ROLES.has(role) || !TYPES.has(type)) throw new Error(`pgTAP overload table: bad parameter "${token}" in "${text}"`);
    return { role: role as PgtapRole, type: type as PgtapType, optional: match?.[3] === '?' };
  });
}

function parseOverload(text: string): PgtapOverload {
  const [first = '', second] = text.split(' | ');
  const readings = [parseParameters(first), ...(second === undefined ? [] : [parseParameters(second)])];
  const schemaFirst = readings.length === 2 ? (readings.find((reading) => reading[0]?.role === 'schema') ?? null) : null;
  const parameters = readings.find((reading) => reading !== schemaFirst) ?? readings[0]!;
  return { parameters, schemaFirst };
}

/** Every function of the table with its overloads, in declaration order. */
export const PGTAP_OVERLOADS: ReadonlyMap<string, readonly PgtapOverload[]> = new Map(
  Object.entries(OVERLOADS).map(([name, overloads]) => [name, overloads.map(parseOverload)]),
);

/** The declared overloads of pgTAP function `name` (lower case, without its schema), or null when it takes no names. */
export function getPgtapOverloads(name: string): readonly PgtapOverload[] | null {
  return PGTAP_OVERLOADS.get(name) ?? null;
}
