export * from './entities';
export * from './data-source-options';
export * from './audit.repository';
export * from './transaction';
export * from './task-decisions';
export * from './outbox';
export * from './task-rounds';
