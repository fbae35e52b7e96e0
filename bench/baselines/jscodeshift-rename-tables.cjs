/**
 * Baseline (a) of the codemod benchmark: the rename of the 19 tables as one minimal jscodeshift transform,
 * the way a team would write it by hand. It renames the string literal argument of `pgTable('x', …)`
 * (and mysqlTable/sqliteTable) and of `.from('x')` (supabase-js) when `x` is an old table name, and nothing else
 * (no SQL strings, no .sql files, no review items: less work than `drizzle-schema rename` does).
 * A file with no match is skipped (returns undefined: jscodeshift neither reprints nor writes it).
 *
 *   npx jscodeshift --no-babel -t bench/baselines/jscodeshift-rename-tables.cjs --extensions=ts --parser=ts \
 *     --cpus=<cores> --manifest=<manifest.json> <dir>
 *
 * The manifest is the same JSON file the CLI reads: { "tables": { "old": "new" } }.
 */
const fs = require('node:fs');

const TABLE_CREATORS = new Set(['pgTable', 'mysqlTable', 'sqliteTable']);
const manifests = new Map();

function getRenames(manifestPath) {
  let renames = manifests.get(manifestPath);
  if (!renames) {
    renames = new Map(Object.entries(JSON.parse(fs.readFileSync(manifestPath, 'utf8')).tables));
    manifests.set(manifestPath, renames);
  }
  return renames;
}

function isRenamedCall(callee) {
  if (callee.type === 'Identifier') return TABLE_CREATORS.has(callee.name);
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'from';
}

module.exports = function renameTables(file, api, options) {
  const j = api.jscodeshift;
  const renames = getRenames(options.manifest);
  const root = j(file.source);
  let changed = false;
  root.find(j.CallExpression).forEach((path) => {
    const { callee, arguments: args } = path.node;
    const first = args[0];
    if (!isRenamedCall(callee) || !first || first.type !== 'StringLiteral') return;
    const to = renames.get(first.value);
    if (to === undefined) return;
    args[0] = j.stringLiteral(to);
    changed = true;
  });
  return changed ? root.toSource({ quote: 'single' }) : undefined;
};
