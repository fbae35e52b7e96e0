export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  public: {
    Tables: {
      draft_posts: {
        Row: { id: number; title: string };
        Insert: { id?: number; title: string };
        Update: { id?: number; title?: string };
        Relationships: [];
      };
      audit_events: {
        Row: { id: number; payload: Json };
        Insert: { id?: number; payload: Json };
        Update: { id?: number; payload?: Json };
        Relationships: [];
      };
    };
    Views: { [_ in never]: never };
  };
  billing: {
    Tables: {
      invoices: {
        Row: { id: number; total: number };
        Insert: { id?: number; total: number };
        Update: { id?: number; total?: number };
        Relationships: [];
      };
    };
    Views: { [_ in never]: never };
  };
};
