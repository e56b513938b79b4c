import { DEFAULT_WORKFLOW } from '../default-workflow';
import { StageDefinition } from '../types';
import { workflowProblems } from '../validate-workflow';

const stages = (): StageDefinition[] => DEFAULT_WORKFLOW.stages.map((s) => ({ ...s, rule: { ...s.rule } }));

describe('workflowProblems', () => {
  it('finds the built-in workflow sound', () => {
    expect(workflowProblems(stages())).toEqual([]);
  });

  it('accepts an added pre-check stage after committee review', () => {
    const withPrecheck = stages();
    withPrecheck.splice(3, 0, { key: 'org_precheck', name: 'Ban Tổ chức kiểm tra', kind: 'approval', role: 'reviewer', scope: 'root', rule: { type: 'any' }, returnTo: 'drafting' });
    expect(workflowProblems(withPrecheck)).toEqual([]);
  });

  it('lists every problem at once', () => {
    const bad = stages();
    bad[0] = { ...bad[0], kind: 'approval' };
    bad[1] = { ...bad[1], key: 'drafting', rule: { type: 'quorum', min: 0 } };
    bad[2] = { ...bad[2], returnTo: 'consolidation', role: 'king' as never, scope: 'world' as never };
    const problems = workflowProblems(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        'stages[0]: the first stage must be a draft stage',
        'stages[1] (drafting): key drafting is used twice',
        'stages[1] (drafting): a quorum rule needs min, an integer of at least 1',
        'stages[2] (committee_review): role must be one of drafter, approver, reviewer, consolidator',
        'stages[2] (committee_review): scope must be one of self, parent, root',
        'stages[2] (committee_review): returnTo must point to an earlier stage, not consolidation',
      ]),
    );
  });

  it('refuses an empty workflow, a reserved key and an unknown return target', () => {
    expect(workflowProblems([])).toEqual(['a workflow needs at least one stage']);
    const bad = stages();
    bad[3] = { ...bad[3], key: 'done' };
    bad[1] = { ...bad[1], returnTo: 'nowhere' };
    expect(workflowProblems(bad)).toEqual(['stages[1] (cell_approval): returnTo nowhere is not a stage of this workflow', 'stages[3] (done): key "done" is reserved for finished reports']);
  });

  it('checks the stage timing settings', () => {
    const bad = stages();
    Object.assign(bad[1], { dueAfter: 'ten days', reminders: { before: ['P2D', 'soon'] } });
    expect(workflowProblems(bad)).toHaveLength(2);
  });

  it('needs consolidation at the root', () => {
    const bad = stages();
    bad[3] = { ...bad[3], scope: 'parent' };
    expect(workflowProblems(bad)).toEqual(['stages[3] (consolidation): a consolidation stage works at the root (scope root)']);
  });
});
