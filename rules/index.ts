// The rule registry: hand-written and alphabetized; test/plugin.test.ts checks it matches the folder.
import columnNameSnakeCase from './column-name-snake-case.js';
import identifierLength from './identifier-length.js';
import indexForeignKeys from './index-foreign-keys.js';
import noSetNullOnRequired from './no-set-null-on-required.js';
import preferSharedHelpers from './prefer-shared-helpers.js';
import requireForeignKey from './require-foreign-key.js';
import requireTimestamps from './require-timestamps.js';
import timestampPrecision from './timestamp-precision.js';
import uuidPrimaryKey from './uuid-primary-key.js';

export const rules = {
  'column-name-snake-case': columnNameSnakeCase,
  'identifier-length': identifierLength,
  'index-foreign-keys': indexForeignKeys,
  'no-set-null-on-required': noSetNullOnRequired,
  'prefer-shared-helpers': preferSharedHelpers,
  'require-foreign-key': requireForeignKey,
  'require-timestamps': requireTimestamps,
  'timestamp-precision': timestampPrecision,
  'uuid-primary-key': uuidPrimaryKey,
};
