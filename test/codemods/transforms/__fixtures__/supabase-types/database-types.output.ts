export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  public: {
    Tables: {
      comms_calls: {
        Row: {
          id: string
          phone: string | null
          user_id: string
        }
        Insert: {
          id?: string
          phone?: string | null
          user_id: string
        }
        Update: {
          id?: string
          phone?: string | null
          user_id?: string
        }
        Relationships: []
      }
      comms_messages: {
        Row: {
          body: string
          call_id: string | null
          id: string
          author_id: string
        }
        Insert: {
          body: string
          call_id?: string | null
          id?: string
          author_id: string
        }
        Update: {
          body?: string
          call_id?: string | null
          id?: string
          author_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "comms_messages_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "comms_calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "comms_messages_author_id_fkey"
            columns: ["author_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      users: {
        Row: {
          id: string
          is_admin: boolean
        }
        Insert: {
          id?: string
          is_admin?: boolean
        }
        Update: {
          id?: string
          is_admin?: boolean
        }
        Relationships: []
      }
    }
    Views: {
      inbox_view: {
        Row: {
          call_id: string | null
          user_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "messages_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "comms_calls"
            referencedColumns: ["phone"]
          },
        ]
      }
    }
    Functions: {
      search_calls: {
        Args: { query: string }
        Returns: {
          id: string
          phone: string
        }[]
        SetofOptions: {
          from: "*"
          to: "comms_calls"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      message_author: {
        Args: { "": Database["public"]["Tables"]["comms_messages"]["Row"] }
        Returns: {
          id: string
          is_admin: boolean
        }
        SetofOptions: {
          from: "comms_messages"
          to: "users"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: {
      calls: "inbound" | "outbound"
    }
  }
  career: {
    Tables: {
      job_postings: {
        Row: { id: string }
        Insert: { id?: string }
        Update: { id?: string }
        Relationships: []
      }
    }
  }
}

/** Not the Database type: a UI dictionary that shares the shape. */
export type UiText = { Tables: { messages: string } }

export type CallDirection = Database["public"]["Enums"]["calls"]
