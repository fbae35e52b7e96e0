// Database types written by hand in the generator's shape: table types by name, maps of them, relationships.
import type { Tables } from './database.types.js';
import type { UsersTable } from './users.types.js';

export interface CallsTable {
  Row: { id: string; phone: string; user_id: string };
  Insert: { id?: string; phone: string; user_id: string };
  Update: CallsUpdate;
  Relationships: [
    {
      foreignKeyName: 'comms_calls_user_id_fkey';
      columns: ['user_id'];
      isOneToOne: false;
      referencedRelation: 'users';
      referencedColumns: ['id'];
    },
  ];
}

interface CallsUpdate {
  id?: string;
  phone?: string;
}

type TranscriptsTable = {
  Row: { id: string; source_call_id: string; text: string };
  Insert: { source_call_id: string; text: string };
  Update: { source_call_id?: string; text?: string };
  Relationships: [
    {
      foreignKeyName: 'transcripts_source_call_id_fkey';
      columns: ['source_call_id'];
      isOneToOne: false;
      referencedRelation: 'comms_calls';
      referencedColumns: ['id'];
    },
  ];
};

export interface PublicTables {
  comms_calls: CallsTable;
  transcripts: TranscriptsTable;
  comms_messages: Tables<'comms_messages'>;
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
        SetofOptions: { from: '*'; to: 'comms_calls'; isOneToOne: false; isSetofReturn: true };
      };
      call_transcripts:
        | {
            Args: { '': CallsTable['Row'] };
            Returns: TranscriptsTable['Row'][];
            SetofOptions: { from: 'comms_calls'; to: 'transcripts'; isOneToOne: false; isSetofReturn: true };
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
  comms_calls: CallsTable;
  comms_messages: Database['public']['Tables']['comms_messages'];
}

export type CallPhone = PublicTables['comms_calls']['Row']['phone'];
export type RealtimeCall = RealtimeTables['comms_calls'];

/** A relationship type on its own: its table is the one its constraint name starts with. */
export type TranscriptCallRelation = {
  foreignKeyName: 'transcripts_source_call_id_fkey';
  columns: ['source_call_id'];
  referencedRelation: 'comms_calls';
  referencedColumns: ['id'];
};

/** Without a constraint name, its own columns cannot be told apart: listed. */
export type MessageAuthorRelation = {
  columns: ['user_id'];
  referencedRelation: 'comms_messages';
  referencedColumns: ['author_id'];
};

/** Not a map of table types: props whose keys are not table names (a row type under a look-alike key). */
export interface InboxProps {
  messages: Tables<'comms_messages'>;
  calls: CallsTable['Row'][];
}
