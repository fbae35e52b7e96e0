import type { Logger } from '../lib/logger.js';
import type { AppSupabaseClient } from '../lib/supabase.js';
import { enqueueJob } from '../services/ai-jobs.service.js';
import { listCallsWithTranscripts } from '../services/calls.service.js';
import type { RouteRequest, RouteResponse } from './inbox.route.js';

export const CALLS_ROUTE = '/calls';

export async function getCalls(supabase: AppSupabaseClient, req: RouteRequest): Promise<RouteResponse> {
  const items = await listCallsWithTranscripts(supabase, req.userId);
  return { status: 200, body: { route: CALLS_ROUTE, items } };
}

/** POST /calls/:id/summarize — queues an assistant job for one call. */
export async function postSummarize(
  supabase: AppSupabaseClient,
  logger: Logger,
  req: RouteRequest,
  callId: string,
): Promise<RouteResponse> {
  logger.info('processing calls', { callId });
  const job = await enqueueJob(supabase, req.userId, 'call_summary', { callId }, callId);
  return { status: 202, body: { jobId: job.id, location: `${CALLS_ROUTE}/${callId}` } };
}
