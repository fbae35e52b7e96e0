import { supabaseTypesTransform } from '../../../codemods/transforms/supabase-types.js';
import { runFixtures } from './run-fixtures.js';

// Generic aliases of the generated types, declared in the file or imported (tsconfig `paths`, re-exports, renamed imports).
runFixtures('supabase-types-aliases', supabaseTypesTransform);
