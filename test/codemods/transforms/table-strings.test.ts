import { tableStringsTransform } from '../../../codemods/transforms/table-strings.js';
import { runFixtures } from './run-fixtures.js';

runFixtures('table-strings', tableStringsTransform);
