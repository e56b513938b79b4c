import { DEFAULT_WORKFLOW } from '../default-workflow';
import { planReportMigration, stageMapProblems } from '../plan-migration';
import { WorkflowDefinition } from '../types';

const v1 = DEFAULT_WORKFLOW;
const v2: WorkflowDefinition = {
  key: 'tongket',
  version: 2,
  stages: [
    ...v1.stages.slice(0, 3),
    { key: 'org_precheck', name: 'Ban Tổ chức Đảng ủy Khối kiểm tra', kind: 'approval', role: 'reviewer', scope: 'root', rule: { type: 'any' }, returnTo: 'drafting' },
    v1.stages[3],
  ],
};

describe('planReportMigration', () => {
  it('keeps reports whose stage is the same, tasks and votes included', () => {
    expect(planReportMigration(v1, v2, {}, 'committee_review')).toEqual({ fromStage: 'committee_review', toStage: 'committee_review', action: 'unchanged' });
    expect(planReportMigration(v1, v2, {}, 'consolidation').action).toBe('unchanged');
  });

  it('leaves finished reports alone', () => {
    expect(planReportMigration(v1, v2, {}, 'done').action).toBe('finished');
  });

  it('decides again when only the rule changed', () => {
    const allMustApprove: WorkflowDefinition = { ...v1, version: 3, stages: v1.stages.map((s) => (s.key === 'cell_approval' ? { ...s, rule: { type: 'all' } } : s)) };
    expect(planReportMigration(v1, allMustApprove, {}, 'cell_approval').action).toBe('redecide');
  });

  it('moves a report through the stage map, or when other people act', () => {
    expect(planReportMigration(v2, v1, { org_precheck: 'committee_review' }, 'org_precheck')).toEqual({ fromStage: 'org_precheck', toStage: 'committee_review', action: 'move' });
    const reviewedAtRoot: WorkflowDefinition = { ...v1, version: 4, stages: v1.stages.map((s) => (s.key === 'committee_review' ? { ...s, scope: 'root' } : s)) };
    expect(planReportMigration(v1, reviewedAtRoot, {}, 'committee_review').action).toBe('move');
  });

  it('says which reports cannot be mapped, and why', () => {
    const plan = planReportMigration(v2, v1, {}, 'org_precheck');
    expect(plan.action).toBe('unmappable');
    expect(plan.reason).toMatch(/org_precheck is not in version 1/);
  });
});

describe('stageMapProblems', () => {
  it('refuses unknown stages on either side', () => {
    expect(stageMapProblems([v1], v2, { nowhere: 'drafting', drafting: 'nowhere' })).toEqual([
      'stageMap: nowhere is not a stage of the versions this plan\'s reports are on',
      'stageMap: nowhere is not a stage of version 2',
    ]);
    expect(stageMapProblems([v1], v2, { committee_review: 'org_precheck' })).toEqual([]);
  });
});
