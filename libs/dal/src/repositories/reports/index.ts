/** The reports aggregate's SQL and the row types it returns; services in libs/core call these functions. */
export * from './report-rows';
export * from './draft-edits';
export * from './report-snapshots';
export * from './report-trail';
export * from './report-remarks';
export * from './consolidation-groups';
export * from './consolidation-contents';
export * from './consolidation-moves';
export * from './consolidation-lookups';
export * from './role-change-reports';
export * from './report-stages';
export * from './report-document-sources';
export * from './report-migrations';
export * from './launch-reports';
export * from './reports-needing-decision';
