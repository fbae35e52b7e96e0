import { eq } from 'drizzle-orm';

import type { Db } from '../db/client.js';
import { workspace, workspaceMembers } from '../db/schema/index.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import type { Tables } from '../types/database.types.js';

export type Workspace = Tables<'workspace'>;

export async function createWorkspace(db: Db, ownerId: string, name: string, slug: string) {
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(workspace).values({ ownerId, name, slug }).returning();
    if (!created) throw new Error(`workspace ${slug} was not created`);
    await tx.insert(workspaceMembers).values({ workspaceId: created.id, userId: ownerId, role: 'owner' });
    return created;
  });
}

export async function listOwnedWorkspaces(supabase: AppSupabaseClient, ownerId: string): Promise<Workspace[]> {
  const { data, error } = await supabase.from('workspace').select('*').eq('owner_id', ownerId).order('name');
  if (error) throw error;
  return data;
}

export async function renameWorkspace(supabase: AppSupabaseClient, id: string, name: string): Promise<void> {
  const { error } = await supabase.from('workspace').update({ name }).eq('id', id);
  if (error) throw error;
}

export async function membersOf(db: Db, workspaceId: string) {
  return db.select().from(workspaceMembers).where(eq(workspaceMembers.workspaceId, workspaceId));
}
