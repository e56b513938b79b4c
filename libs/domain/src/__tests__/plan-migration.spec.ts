import { DEFAULT_WORKFLOW } from '../default-workflow';
import { effectiveReminders, planReportMigration, redecideStage, remindersDiffer, stageMapProblems } from '../plan-migration';
import { WorkflowDefinition } from '../types';

const v1 = DEFAULT_WORKFLOW;
const v2: WorkflowDefinition = {
  key: 'tongket',
  version: 2,
  stages: [
    ...v1.stages.slice(0, 3),
    {
      key: 'org_precheck',
      name: 'Ban Tổ chức Đảng ủy Khối kiểm tra',
      kind: 'approval',
      role: 'reviewer',
      scope: 'root',
      rule: { type: 'any' },
      returnTo: 'drafting',
    },
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
    const allMustApprove: WorkflowDefinition = {
      ...v1,
      version: 3,
      stages: v1.stages.map((s) => (s.key === 'cell_approval' ? { ...s, rule: { type: 'all' } } : s)),
    };
    expect(planReportMigration(v1, allMustApprove, {}, 'cell_approval').action).toBe('redecide');
  });

  it('moves a report through the stage map, or when other people act', () => {
    expect(planReportMigration(v2, v1, { org_precheck: 'committee_review' }, 'org_precheck')).toEqual({
      fromStage: 'org_precheck',
      toStage: 'committee_review',
      action: 'move',
    });
    const reviewedAtRoot: WorkflowDefinition = {
      ...v1,
      version: 4,
      stages: v1.stages.map((s) => (s.key === 'committee_review' ? { ...s, scope: 'root' } : s)),
    };
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
      "stageMap: nowhere is not a stage of the versions this plan's reports are on",
      'stageMap: nowhere is not a stage of version 2',
    ]);
    expect(stageMapProblems([v1], v2, { committee_review: 'org_precheck' })).toEqual([]);
  });
});

describe('redecideStage', () => {
  const anyApproves: WorkflowDefinition = {
    ...v2,
    version: 5,
    stages: v2.stages.map((s) => (s.key === 'cell_approval' ? { ...s, rule: { type: 'any' } } : s)),
  };

  it('moves a stage whose new rule the votes already meet to the next stage of the new version', () => {
    expect(redecideStage(anyApproves, 'cell_approval', { assigned: 2, approvals: 1, returns: 0 })).toEqual({
      outcome: 'approved',
      toStage: 'committee_review',
    });
    expect(redecideStage(v2, 'committee_review', { assigned: 2, approvals: 1, returns: 0 })).toEqual({ outcome: 'approved', toStage: 'org_precheck' });
  });

  it('keeps a stage whose votes do not meet the new rule, or that nobody can decide', () => {
    expect(redecideStage(v2, 'cell_approval', { assigned: 2, approvals: 1, returns: 0 })).toEqual({ outcome: 'pending', toStage: 'cell_approval' });
    expect(redecideStage(anyApproves, 'cell_approval', { assigned: 0, approvals: 0, returns: 0 })).toEqual({ outcome: 'unassigned', toStage: 'cell_approval' });
  });

  it('sends a returned stage back to its return stage', () => {
    expect(redecideStage(anyApproves, 'cell_approval', { assigned: 2, approvals: 1, returns: 1 })).toEqual({ outcome: 'returned', toStage: 'drafting' });
  });

  it('never decides the consolidation stage per report', () => {
    expect(redecideStage(v2, 'consolidation', { assigned: 0, approvals: 0, returns: 0 })).toEqual({ outcome: 'pending', toStage: 'consolidation' });
  });

  it('resolves a draft stage on one submit whatever its rule', () => {
    const draftQuorum: WorkflowDefinition = {
      ...v1,
      version: 6,
      stages: v1.stages.map((s) => (s.kind === 'draft' ? { ...s, rule: { type: 'quorum', min: 3 } } : s)),
    };
    expect(redecideStage(draftQuorum, 'drafting', { assigned: 2, approvals: 1, returns: 0 })).toEqual({ outcome: 'approved', toStage: 'cell_approval' });
  });
});

describe('reminder settings across versions', () => {
  const plan = { before: ['P7D', 'P2D'], escalateAfter: 'P1D' };

  it('a stage’s own reminders override the plan’s', () => {
    expect(effectiveReminders({ reminders: { before: ['PT1H'] } }, plan)).toEqual({ before: ['PT1H'] });
    expect(effectiveReminders({}, plan)).toBe(plan);
    expect(effectiveReminders(undefined, plan)).toBe(plan);
  });

  it('tells settings that plan other notices from the same settings written differently', () => {
    expect(remindersDiffer(plan, { before: ['P2D', 'P7D', 'P2D'], escalateAfter: 'P1D' })).toBe(false);
    expect(remindersDiffer(plan, { before: ['P7D', 'P2D'] })).toBe(true);
    expect(remindersDiffer(plan, { before: ['PT1H'], escalateAfter: 'P1D' })).toBe(true);
    expect(remindersDiffer({ before: [] }, { before: [] })).toBe(false);
  });
});
