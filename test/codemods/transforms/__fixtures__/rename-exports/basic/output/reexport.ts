// messages are re-exported for the legacy API
export { commsMessages as legacyMessages, phoneCalls } from './schema/comms.schema.js';
