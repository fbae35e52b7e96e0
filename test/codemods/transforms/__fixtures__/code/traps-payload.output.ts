import type { Logger } from '../lib/logger.js';

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Request body of an OpenAI-compatible chat completion. */
export interface ChatCompletionRequest {
  model: string;
  messages: ChatTurn[];
  temperature?: number;
}

const SYSTEM_PROMPT = 'You summarize phone calls and messages for a busy person. Be brief.';

/**
 * Builds the completion payload. The provider wants the whole conversation in
 * `messages`, oldest first, with the system prompt at the top.
 */
export function buildSummaryRequest(transcript: string, history: ChatTurn[] = []): ChatCompletionRequest {
  return {
    model: 'gpt-4o-mini',
    temperature: 0.2,
    messages: [{ role: 'system', content: SYSTEM_PROMPT }, ...history, { role: 'user', content: transcript }],
  };
}

export async function requestSummary(
  endpoint: string,
  apiKey: string,
  logger: Logger,
  transcript: string,
): Promise<string> {
  const payload = buildSummaryRequest(transcript);
  logger.info('assistant request', { turns: payload.messages.length });
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(payload),
  });
  if (!response.ok) {
    throw new Error(`assistant request failed with ${response.status}`);
  }
  const json = (await response.json()) as { choices?: { message?: { content?: string } }[] };
  return json.choices?.[0]?.message?.content ?? '';
}
