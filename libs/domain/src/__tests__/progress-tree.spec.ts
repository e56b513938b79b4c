import { countByStageAndLevel, progressTree, UnitProgress } from '../progress-tree';

const unit = (unitId: string, parentId: string | null, kind: string, stage: string | null): UnitProgress => ({
  unitId,
  unitCode: unitId.toUpperCase(),
  unitName: unitId,
  kind,
  parentId,
  stage,
  overdue: false,
});

describe('progress', () => {
  const root = unit('duk', null, 'bloc', null);
  const units = [
    unit('kbnn', 'duk', 'upper', 'committee_review'),
    unit('kt', 'kbnn', 'cell', 'done'),
    unit('tt', 'kbnn', 'cell', 'drafting'),
    unit('bvnn', 'duk', 'grassroots', 'done'),
  ];

  it('counts per stage and per level', () => {
    expect(countByStageAndLevel(units)).toEqual({
      byStage: { committee_review: 1, done: 2, drafting: 1 },
      byLevel: { upper: { committee_review: 1 }, cell: { done: 1, drafting: 1 }, grassroots: { done: 1 } },
    });
  });

  it('builds the tree with each unit and its stage, children in code order', () => {
    const tree = progressTree(root, units);
    expect(tree.children.map((c) => c.unitCode)).toEqual(['BVNN', 'KBNN']);
    expect(tree.children[1].children.map((c) => [c.unitCode, c.stage])).toEqual([
      ['KT', 'done'],
      ['TT', 'drafting'],
    ]);
  });
});
