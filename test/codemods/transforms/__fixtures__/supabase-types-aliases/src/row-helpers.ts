import type { Database } from './database.types';
import type { TableName } from './types';

/** A row of any public table, by a name constrained through another file's alias. */
export type RowOf<Name extends TableName> = Database['public']['Tables'][Name]['Row'];
