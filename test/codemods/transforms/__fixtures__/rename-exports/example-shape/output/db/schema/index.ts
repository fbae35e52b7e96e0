export * from './users.schema.js';
export * from './comms/index.js';
