// Database types written by hand in the generator's shape: table types by name, maps of them, relationships.
import type { Tables } from './database.types.js';
import type { UsersTable } from './users.types.js';

export interface CallsTable {
  Row: { id: string; phone_number: string; user_id: string };
  Insert: { id?: string; phone_number: string; user_id: string };
  Update: CallsUpdate;
  Relationships: [
    {
      foreignKeyName: 'calls_user_id_fkey';
      columns: ['user_id'];
      isOneToOne: false;
      referencedRelation: 'users';
      referencedColumns: ['id'];
    },
  ];
}

interface CallsUpdate {
  id?: string;
  phone_number?: string;
}

type TranscriptsTable = {
  Row: { id: string; call_id: string; text: string };
  Insert: { call_id: string; text: string };
  Update: { call_id?: string; text?: string };
  Relationships: [
    {
      foreignKeyName: 'transcripts_call_id_fkey';
      columns: ['call_id'];
      isOneToOne: false;
      referencedRelation: 'calls';
      referencedColumns: ['id'];
    },
  ];
};

export interface PublicTables {
  calls: CallsTable;
  transcripts: TranscriptsTable;
  messages: Tables<'messages'>;
  users: UsersTable;
}

export type Database = {
  public: {
    Tables: PublicTables;
    Views: Record<string, never>;
    Functions: {
      latest_calls: {
        Args: { n: number };
        Returns: CallsTable['Row'][];
        SetofOptions: { from: '*'; to: 'calls'; isOneToOne: false; isSetofReturn: true };
      };
      call_transcripts:
        | {
            Args: { '': CallsTable['Row'] };
            Returns: TranscriptsTable['Row'][];
            SetofOptions: { from: 'calls'; to: 'transcripts'; isOneToOne: false; isSetofReturn: true };
          }
        | {
            Args: { call_id: string };
            Returns: TranscriptsTable['Row'][];
            SetofOptions: { from: '*'; to: 'transcripts'; isOneToOne: false; isSetofReturn: true };
          };
    };
  };
};

/** Not reached from `Database`: a second map of the same table types. */
interface RealtimeTables {
  calls: CallsTable;
  messages: Database['public']['Tables']['messages'];
}

export type CallPhone = PublicTables['calls']['Row']['phone_number'];
export type RealtimeCall = RealtimeTables['calls'];

/** A relationship type on its own: its table is the one its constraint name starts with. */
export type TranscriptCallRelation = {
  foreignKeyName: 'transcripts_call_id_fkey';
  columns: ['call_id'];
  referencedRelation: 'calls';
  referencedColumns: ['id'];
};

/** Without a constraint name, its own columns cannot be told apart: listed. */
export type MessageAuthorRelation = {
  columns: ['user_id'];
  referencedRelation: 'messages';
  referencedColumns: ['user_id'];
};

/** Not a map of table types: props whose keys are not table names (a row type under a look-alike key). */
export interface InboxProps {
  messages: Tables<'messages'>;
  calls: CallsTable['Row'][];
}
