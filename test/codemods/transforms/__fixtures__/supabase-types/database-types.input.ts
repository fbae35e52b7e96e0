export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[]

export type Database = {
  public: {
    Tables: {
      calls: {
        Row: {
          id: string
          phone_number: string | null
          user_id: string
        }
        Insert: {
          id?: string
          phone_number?: string | null
          user_id: string
        }
        Update: {
          id?: string
          phone_number?: string | null
          user_id?: string
        }
        Relationships: []
      }
      messages: {
        Row: {
          body: string
          call_id: string | null
          id: string
          user_id: string
        }
        Insert: {
          body: string
          call_id?: string | null
          id?: string
          user_id: string
        }
        Update: {
          body?: string
          call_id?: string | null
          id?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "messages_call_id_fkey"
            columns: ["call_id"]
            isOneToOne: false
            referencedRelation: "calls"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "messages_user_id_fkey"
            columns: ["user_id"]
            isOneToOne: false
            referencedRelation: "users"
            referencedColumns: ["id"]
          },
        ]
      }
      users: {
        Row: {
          id: string
          isAdmin: boolean
        }
        Insert: {
          id?: string
          isAdmin?: boolean
        }
        Update: {
          id?: string
          isAdmin?: boolean
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
            referencedRelation: "calls"
            referencedColumns: ["phone_number"]
          },
        ]
      }
    }
    Functions: {
      search_calls: {
        Args: { query: string }
        Returns: {
          id: string
          phone_number: string
        }[]
        SetofOptions: {
          from: "*"
          to: "calls"
          isOneToOne: false
          isSetofReturn: true
        }
      }
      message_author: {
        Args: { "": Database["public"]["Tables"]["messages"]["Row"] }
        Returns: {
          id: string
          isAdmin: boolean
        }
        SetofOptions: {
          from: "messages"
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
      jobs: {
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
