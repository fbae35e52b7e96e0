import { sqlInCodeTransform } from '../../../codemods/transforms/sql-in-code.js';
import { runFixtures } from './run-fixtures.js';

runFixtures('sql-in-code', sqlInCodeTransform);
