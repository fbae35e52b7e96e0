// The rule registry: hand-written and alphabetized; test/plugin.test.ts checks it matches the folder.
import columnNameSnakeCase from './column-name-snake-case.js';
import indexForeignKeys from './index-foreign-keys.js';
import preferSharedHelpers from './prefer-shared-helpers.js';
import timestampPrecision from './timestamp-precision.js';
import uuidPrimaryKey from './uuid-primary-key.js';

export const rules = {
  'column-name-snake-case': columnNameSnakeCase,
  'index-foreign-keys': indexForeignKeys,
  'prefer-shared-helpers': preferSharedHelpers,
  'timestamp-precision': timestampPrecision,
  'uuid-primary-key': uuidPrimaryKey,
};
