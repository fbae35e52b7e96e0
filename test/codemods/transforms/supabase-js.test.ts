import { supabaseJsTransform } from '../../../codemods/transforms/supabase-js.js';
import { runFixtures } from './run-fixtures.js';

runFixtures('supabase-js', supabaseJsTransform);
