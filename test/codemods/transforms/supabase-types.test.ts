import { supabaseTypesTransform } from '../../../codemods/transforms/supabase-types.js';
import { runFixtures } from './run-fixtures.js';

runFixtures('supabase-types', supabaseTypesTransform);
