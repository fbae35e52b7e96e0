export * from './users.schema.js';
export * from './comms.schema.js';
