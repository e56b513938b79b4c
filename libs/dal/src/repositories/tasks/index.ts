/** The tasks aggregate's SQL and the row types it returns; services in libs/core call these functions. */
export * from './drafting-tasks';
export * from './round-tasks';
export * from './plan-level-tasks';
export * from './signing-tasks';
export * from './collection-tasks';
export * from './role-holder-tasks';
export * from './task-views';
export * from './task-holders';
export * from './stage-votes';
export * from './stage-entry-tasks';
export * from './task-reminders';
export * from './task-metrics';
export * from './unapplied-decisions';
