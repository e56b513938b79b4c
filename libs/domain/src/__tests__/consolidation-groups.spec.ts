import { completenessTable } from '../completeness';
import { consolidationGroups } from '../consolidation-groups';
import { UnitKind } from '../types';

const u = (id: string, parentId: string | null, kind: UnitKind) => ({ id, parentId, kind });
const tree = [
  u('duk', null, 'bloc'),
  u('kbnn', 'duk', 'upper'),
  u('kt', 'kbnn', 'cell'),
  u('tt', 'kbnn', 'cell'),
  u('bvnn', 'duk', 'grassroots'),
  u('noi', 'bvnn', 'cell'),
  u('empty', 'duk', 'upper'),
];

describe('consolidationGroups', () => {
  it('gathers every report at the root by default', () => {
    const groups = consolidationGroups(tree, 'duk', ['bloc']);
    expect([...groups.keys()]).toEqual(['duk']);
    expect(groups.get('duk')!.sort()).toEqual(['bvnn', 'empty', 'kbnn', 'kt', 'noi', 'tt']);
  });

  it('lets upper units consolidate their own units, each report counted once', () => {
    const groups = consolidationGroups(tree, 'duk', ['bloc', 'upper']);
    expect(groups.get('kbnn')!.sort()).toEqual(['kt', 'tt']);
    expect(groups.get('duk')!.sort()).toEqual(['bvnn', 'empty', 'kbnn', 'noi']);
    expect(groups.has('empty')).toBe(false);
  });
});

describe('completenessTable', () => {
  const due = new Date('2019-07-10T10:00:00Z');
  it('tells on time, late, not submitted, returns and missing', () => {
    const { rows, summary } = completenessTable([
      { unitCode: 'B', unitName: 'b', included: true, firstSubmittedAt: new Date('2019-07-11T00:00:00Z'), draftingDueAt: due, returnedCount: 1 },
      { unitCode: 'A', unitName: 'a', included: true, firstSubmittedAt: new Date('2019-07-01T00:00:00Z'), draftingDueAt: due, returnedCount: 0 },
      { unitCode: 'C', unitName: 'c', included: false, firstSubmittedAt: null, draftingDueAt: due, returnedCount: 0 },
    ]);
    expect(rows.map((r) => [r.unitCode, r.status, r.timeliness, r.returnedCount])).toEqual([
      ['A', 'included', 'on_time', 0],
      ['B', 'included', 'late', 1],
      ['C', 'missing', 'not_submitted', 0],
    ]);
    expect(summary).toEqual({ units: 3, included: 2, missing: 1, onTime: 1, late: 1, returned: 1, afterCompletion: 0 });
  });
});
