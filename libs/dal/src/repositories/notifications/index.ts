/** The notifications aggregate's SQL and the row types it returns; services in libs/core call these functions. */
export * from './notification-inserts';
export * from './inbox';
export * from './email-sending';
export * from './notice-sources';
