import { DEFAULT_WORKFLOW } from '../default-workflow';
import { adoptionStageKey, reopensAdoption } from '../adoption-stage';
import { StageDefinition } from '../types';

const stage = (key: string, kind: StageDefinition['kind'], scope: StageDefinition['scope']): StageDefinition => ({
  key,
  name: key,
  kind,
  role: 'approver',
  scope,
  rule: { type: 'any' },
});

describe('the stage where a unit adopts its report', () => {
  it('is the first approval stage of the unit itself after drafting: cell_approval in the default workflow', () => {
    expect(adoptionStageKey(DEFAULT_WORKFLOW)).toBe('cell_approval');
  });

  it('comes after a pre-check by the board above, whatever the order of other stages', () => {
    const stages = [
      stage('drafting', 'draft', 'self'),
      stage('precheck', 'approval', 'parent'),
      stage('chi_bo', 'approval', 'self'),
      stage('second', 'approval', 'self'),
      stage('consolidation', 'consolidation', 'root'),
    ];
    expect(adoptionStageKey({ stages })).toBe('chi_bo');
  });

  it('is none in a workflow where the unit never approves its own report', () => {
    expect(adoptionStageKey({ stages: [stage('drafting', 'draft', 'self'), stage('review', 'approval', 'parent')] })).toBeNull();
  });

  it('a return to drafting or to the adopting stage undoes the adoption; a return to a later stage does not', () => {
    expect(reopensAdoption(DEFAULT_WORKFLOW, 'drafting')).toBe(true);
    expect(reopensAdoption(DEFAULT_WORKFLOW, 'cell_approval')).toBe(true);
    expect(reopensAdoption(DEFAULT_WORKFLOW, 'committee_review')).toBe(false);
    expect(reopensAdoption(DEFAULT_WORKFLOW, 'consolidation')).toBe(false);
    expect(reopensAdoption(DEFAULT_WORKFLOW, 'done')).toBe(false);
  });
});
