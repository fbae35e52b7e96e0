import { toSnakeCase } from '../../naming/casing.js';
import type { DrizzleColumn } from '../../drizzle-model/index.js';

/** `company_id`, `company__ID` and `companyId`, `companyID` (the stem before `Id` must end in a lower-case letter or digit). */
const ID_SUFFIXES = [/^(.*[^_])_+id$/i, /^(.*[a-z\d])I[dD]$/];

/**
 * The snake_case name of what a column refers to by convention: `company` for `company_id` or a key `companyId`,
 * `job_application` for `job_application_id`. Null when neither its DB name nor its key ends in `_id` / `Id`.
 */
export function getReferenceStem(column: DrizzleColumn): string | null {
  for (const name of column.nameIsDynamic ? [column.key] : [column.dbName, column.key]) {
    for (const pattern of ID_SUFFIXES) {
      const stem = pattern.exec(name)?.[1];
      if (stem) return toSnakeCase(stem) || null;
    }
  }
  return null;
}
