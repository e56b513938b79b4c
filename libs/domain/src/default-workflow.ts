import { WorkflowDefinition } from './types';

export const DEFAULT_WORKFLOW_KEY = 'tongket';

/** The default stages of plan 144-KH/ĐUK, stored as version 1 of `tongket`. */
export const DEFAULT_WORKFLOW: WorkflowDefinition = Object.freeze({
  key: DEFAULT_WORKFLOW_KEY,
  version: 1,
  stages: [
    { key: 'drafting', name: 'Dự thảo báo cáo', kind: 'draft', role: 'drafter', scope: 'self', rule: { type: 'any' } },
    {
      key: 'cell_approval',
      name: 'Chi bộ thông qua',
      kind: 'approval',
      role: 'approver',
      scope: 'self',
      rule: { type: 'majority' },
      returnTo: 'drafting',
    },
    {
      key: 'committee_review',
      name: 'Cấp ủy cấp trên thẩm định',
      kind: 'approval',
      role: 'reviewer',
      scope: 'parent',
      rule: { type: 'any' },
      returnTo: 'drafting',
    },
    { key: 'consolidation', name: 'Tổng hợp ở Khối', kind: 'consolidation', role: 'consolidator', scope: 'root', rule: { type: 'any' } },
  ],
}) as WorkflowDefinition;
