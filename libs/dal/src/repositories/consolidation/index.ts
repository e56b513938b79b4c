/** The consolidation aggregate's SQL and the row types it returns; services in libs/core call these functions. */
export * from './adoptions';
export * from './collections';
export * from './inclusions';
export * from './level-reports';
export * from './root-collection-state';
export * from './consolidated-document-sources';
export * from './plan-collections';
