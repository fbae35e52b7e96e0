/**
 * Every code transform of the rename codemod over ONE parse of a file: Drizzle schema, supabase-js chains,
 * generated Supabase types, realtime subscriptions and SQL in code. Edits are merged (identical edits once,
 * conflicting ones throw); review items are concatenated in transform order. Needs `await ensureSqlReady()`
 * once before use (for the SQL in code).
 */
import type { ReviewItem, SourceTransform, TransformResult } from '../types.js';
import { ParseError } from '../types.js';
import type { OwnedEdit } from './code/merge-edits.js';
import { mergeEdits } from './code/merge-edits.js';
import type { CodeContext } from './code/parse-code.js';
import { parseCode } from './code/parse-code.js';
import { transformDrizzleSchema } from './drizzle-schema.js';
import { transformSqlInCode } from './sql-in-code.js';
import { transformSupabaseJs } from './supabase-js.js';
import { transformSupabaseTypes } from './supabase-types.js';
import { transformTableStrings } from './table-strings.js';
import { toJscodeshiftTransform } from '../jscodeshift.js';

/** The code transforms, by module name, in the order they run. */
export const CODE_TRANSFORMS: ReadonlyArray<{ readonly name: string; readonly transform: (ctx: CodeContext) => TransformResult }> = [
  { name: 'drizzle-schema', transform: transformDrizzleSchema },
  { name: 'supabase-js', transform: transformSupabaseJs },
  { name: 'supabase-types', transform: transformSupabaseTypes },
  { name: 'table-strings', transform: transformTableStrings },
  { name: 'sql-in-code', transform: transformSqlInCode },
];

export function transformCode(ctx: CodeContext): TransformResult {
  const edits: OwnedEdit[] = [];
  const review: ReviewItem[] = [];
  for (const { name, transform } of CODE_TRANSFORMS) {
    let result: TransformResult;
    try {
      result = transform(ctx);
    } catch (error) {
      if (error instanceof ParseError) throw error;
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    edits.push(...result.edits.map((edit) => ({ edit, owner: name })));
    review.push(...result.review);
  }
  return { edits: mergeEdits(edits), review };
}

/** All code transforms as one `SourceTransform` (parses the file once). */
export const codeTransform: SourceTransform = function code(input) {
  return transformCode(parseCode(input));
};

/** jscodeshift entry: `npx jscodeshift -t dist/codemods/transforms/code.js --parser=ts --manifest=renames.json src`. */
export default toJscodeshiftTransform(codeTransform);
