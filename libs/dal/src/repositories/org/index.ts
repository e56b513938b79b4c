/** The org aggregate's SQL and the row types it returns; services in libs/core call these functions. */
export {};
export * from './drafters';
export * from './consolidation-units';
export * from './consolidation-roles';
export * from './delegate-candidates';
export * from './document-units';
export * from './user-positions';
export * from './plan-units';
export * from './plan-people';
export * from './units';
export * from './users';
export * from './role-assignments';
export * from './administrators';
export * from './org-imports';
export * from './password-links';
export * from './session-actors';
export * from './stalled-imports';
