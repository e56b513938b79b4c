/** The plans aggregate's SQL and the row types it returns; services in libs/core call these functions. */
export * from './workflow-definitions';
export * from './plan-records';
export * from './consolidation-rounds';
export * from './plan-completion';
export * from './due-dates';
export * from './launched-plans';
export * from './plan-recipient-lines';
export * from './plan-migrations';
export * from './nudges';
export * from './reminder-scheduling';
export * from './plan-codes';
export * from './plan-reconciliation';
