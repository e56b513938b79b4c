import { DEFAULT_WORKFLOW } from '../default-workflow';
import { findStage, firstStage, isStageBefore, nextStageKey, returnStageKey } from '../stage-machine';
import { WorkflowDefinition } from '../types';

describe('stage machine of tongket', () => {
  it('runs drafting, cell_approval, committee_review, consolidation, done', () => {
    expect(firstStage(DEFAULT_WORKFLOW).key).toBe('drafting');
    expect(nextStageKey(DEFAULT_WORKFLOW, 'drafting')).toBe('cell_approval');
    expect(nextStageKey(DEFAULT_WORKFLOW, 'cell_approval')).toBe('committee_review');
    expect(nextStageKey(DEFAULT_WORKFLOW, 'committee_review')).toBe('consolidation');
    expect(nextStageKey(DEFAULT_WORKFLOW, 'consolidation')).toBe('done');
  });

  it('returns to drafting from both approval stages', () => {
    expect(returnStageKey(DEFAULT_WORKFLOW, 'cell_approval')).toBe('drafting');
    expect(returnStageKey(DEFAULT_WORKFLOW, 'committee_review')).toBe('drafting');
  });

  it('defaults a return without returnTo to the first draft stage', () => {
    const workflow: WorkflowDefinition = {
      key: 'x',
      version: 1,
      stages: [
        { key: 'write', name: 'w', kind: 'draft', role: 'drafter', scope: 'self', rule: { type: 'any' } },
        { key: 'check', name: 'c', kind: 'approval', role: 'approver', scope: 'self', rule: { type: 'all' } },
      ],
    };
    expect(returnStageKey(workflow, 'check')).toBe('write');
  });

  it('uses the defaults of the domain page for rules', () => {
    expect(findStage(DEFAULT_WORKFLOW, 'cell_approval')?.rule.type).toBe('majority');
    expect(findStage(DEFAULT_WORKFLOW, 'committee_review')?.rule.type).toBe('any');
    expect(findStage(DEFAULT_WORKFLOW, 'committee_review')?.scope).toBe('parent');
    expect(findStage(DEFAULT_WORKFLOW, 'consolidation')?.scope).toBe('root');
  });

  it('orders stages, with done last', () => {
    expect(isStageBefore(DEFAULT_WORKFLOW, 'drafting', 'committee_review')).toBe(true);
    expect(isStageBefore(DEFAULT_WORKFLOW, 'consolidation', 'done')).toBe(true);
    expect(isStageBefore(DEFAULT_WORKFLOW, 'done', 'drafting')).toBe(false);
  });

  it('refuses unknown stages', () => {
    expect(() => nextStageKey(DEFAULT_WORKFLOW, 'nope')).toThrow('Unknown stage nope');
    expect(() => returnStageKey(DEFAULT_WORKFLOW, 'nope')).toThrow('Unknown stage nope');
  });
});
