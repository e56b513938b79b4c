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
    withPrecheck.splice(3, 0, {
      key: 'org_precheck',
      name: 'Ban Tổ chức kiểm tra',
      kind: 'approval',
      role: 'reviewer',
      scope: 'root',
      rule: { type: 'any' },
      returnTo: 'drafting',
    });
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
    expect(workflowProblems(bad)).toEqual([
      'stages[1] (cell_approval): returnTo nowhere is not a stage of this workflow',
      'stages[3] (done): key "done" is reserved for finished reports',
    ]);
  });

  it('keeps the data cut-off deadline key "collection" away from stages', () => {
    const bad = stages();
    bad[2] = { ...bad[2], key: 'collection' };
    expect(workflowProblems(bad)).toContain('stages[2] (collection): key "collection" is reserved for the plan\'s data cut-off deadline');
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

  describe('the consolidation stage', () => {
    const consolidation = (key: string): StageDefinition => ({
      key,
      name: `Tổng hợp ${key}`,
      kind: 'consolidation',
      role: 'consolidator',
      scope: 'root',
      rule: { type: 'any' },
    });

    it('refuses a workflow of a draft stage only: no report could ever be consolidated', () => {
      expect(workflowProblems([stages()[0]])).toEqual([expect.stringMatching(/exactly one consolidation stage.*last/)]);
    });

    it('refuses a workflow without a consolidation stage', () => {
      expect(workflowProblems(stages().slice(0, 3))).toEqual([expect.stringMatching(/exactly one consolidation stage/)]);
    });

    it('refuses two consolidation stages, naming both, and the one that is not last', () => {
      const two = [...stages().slice(0, 2), consolidation('early_gathering'), ...stages().slice(2)];
      expect(workflowProblems(two)).toEqual([
        'a workflow has exactly one consolidation stage, not 2: stages[2] (early_gathering), stages[4] (consolidation)',
        'stages[2] (early_gathering): the consolidation stage must be the last stage',
      ]);
    });

    it('refuses a consolidation stage followed by another stage', () => {
      const after = [
        ...stages(),
        {
          key: 'late_review',
          name: 'Xem xét sau',
          kind: 'approval' as const,
          role: 'reviewer' as const,
          scope: 'root' as const,
          rule: { type: 'any' as const },
        },
      ];
      expect(workflowProblems(after)).toEqual(['stages[3] (consolidation): the consolidation stage must be the last stage']);
    });

    it('lists the consolidation problems with every other problem of the definition', () => {
      const bad = [{ ...stages()[1], kind: 'approval' as const }, consolidation('gather'), { ...stages()[2], role: 'king' as never }];
      const problems = workflowProblems(bad);
      expect(problems).toEqual(
        expect.arrayContaining([
          'stages[0]: the first stage must be a draft stage',
          'stages[1] (gather): the consolidation stage must be the last stage',
          'stages[2] (committee_review): role must be one of drafter, approver, reviewer, consolidator',
        ]),
      );
    });

    it('accepts the smallest sound workflow: drafting, then consolidation', () => {
      expect(workflowProblems([stages()[0], consolidation('gather')])).toEqual([]);
    });
  });
});
