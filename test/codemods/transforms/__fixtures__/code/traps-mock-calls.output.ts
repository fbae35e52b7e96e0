import assert from 'node:assert/strict';

import { buildSummaryRequest } from '../api/assistant.route.js';
import type { Logger } from '../lib/logger.js';
import { fakeFn } from './fake-fn.js';

/** Self-check: the summary payload carries the system prompt and the transcript, and logging is recorded. */
export function checkSummaryPayload(): void {
  const info = fakeFn((_message: string, _fields?: Record<string, unknown>) => undefined);
  const logger: Logger = { info, error: fakeFn(() => undefined) };

  const payload = buildSummaryRequest('Caller asked to move the meeting to Friday.');
  logger.info('processing calls', { turns: payload.messages.length });

  assert.equal(payload.messages.length, 2);
  assert.equal(payload.messages[0]?.role, 'system');
  assert.equal(info.mock.calls.length, 1);
  assert.deepEqual(info.mock.calls[0], ['processing calls', { turns: 2 }]);
}
