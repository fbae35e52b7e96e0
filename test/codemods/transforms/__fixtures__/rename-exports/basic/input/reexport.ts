// messages are re-exported for the legacy API
export { messages as legacyMessages, calls } from './schema/comms.schema.js';
