import { describe, expect, it } from 'vitest';
import { getSupabaseTypeTables } from '../../../codemods/known-tables/get-supabase-type-tables.js';

/** The shape `supabase gen types typescript` writes (trimmed), with a hyphenated table and a second schema. */
const GENERATED = `export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  __InternalSupabase: {
    PostgrestVersion: "12.2.3 (519615d)"
  }
  public: {
    Tables: {
      calls: {
        Row: {
          created_at: string | null
          id: string
          meta: Json | null
        }
        Insert: {
          created_at?: string | null
          id?: string
        }
        Update: {
          id?: string
        }
        Relationships: [
          {
            foreignKeyName: "calls_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      "ssh-key": {
        Row: { id: string; "key-data": string }
        Insert: { id?: string }
        Update: { id?: string }
        Relationships: []
      }
    }
    Views: {
      call_stats: {
        Row: {
          total: number | null
        }
        Relationships: []
      }
    }
    Functions: {
      count_calls: { Args: { uid: string }; Returns: number }
    }
    Enums: { role: "admin" | "user" }
    CompositeTypes: { [_ in never]: never }
  }
  career: {
    Tables: {
      jobs: { Row: { id: string }; Insert: {}; Update: {}; Relationships: [] }
    }
    Views: { [_ in never]: never }
  }
}

type DefaultSchema = Database[Extract<keyof Database, "public">]
/* Tables: { not_a_table: { Row: {} } } */
export type Tables<T extends keyof DefaultSchema["Tables"]> = DefaultSchema["Tables"][T]["Row"]
const label = \`Tables: { nope: { Row: {} } }\`
`;

describe('getSupabaseTypeTables', () => {
  it('reads the tables and views of every schema, with their Row columns', () => {
    expect(getSupabaseTypeTables(GENERATED)).toEqual([
      { schema: 'public', name: 'calls', kind: 'table', columns: ['created_at', 'id', 'meta'] },
      { schema: 'public', name: 'ssh-key', kind: 'table', columns: ['id', 'key-data'] },
      { schema: 'public', name: 'call_stats', kind: 'view', columns: ['total'] },
      { schema: 'career', name: 'jobs', kind: 'table', columns: ['id'] },
    ]);
  });

  it('reads an interface-style Database and needs a Row to count an entry', () => {
    const source = 'export interface Database {\n  public: {\n    Tables: {\n      users: { Row: { id: string } }\n      settings: { Insert: { id: string } }\n    }\n  }\n}\n';
    expect(getSupabaseTypeTables(source)).toEqual([{ schema: 'public', name: 'users', kind: 'table', columns: ['id'] }]);
  });

  it('finds nothing in a file without the shape', () => {
    expect(getSupabaseTypeTables("const Tables = { Row: 1 };\nexport const rows = supabase.from('calls').select('*');\n")).toEqual([]);
  });
});
