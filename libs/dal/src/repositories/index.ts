export * from './queryable';
export * from './org';
export * from './plans';
export * from './reports';
export * from './tasks';
export * from './consolidation';
export * from './notifications';
