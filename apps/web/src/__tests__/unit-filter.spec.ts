import { matchesFilter, nudgeRights } from '../unit-filter';

/** DUK (the root) ─ KBNN ─ KT, TT; DUK ─ BVNN. */
const units = [
  { unitId: 'kbnn', parentId: 'duk' },
  { unitId: 'kt', parentId: 'kbnn' },
  { unitId: 'tt', parentId: 'kbnn' },
  { unitId: 'bvnn', parentId: 'duk' },
];

describe('the dashboard’s filters and nudge rights', () => {
  it('keeps every unit without a filter, the overdue ones, or those at one stage', () => {
    const late = { overdue: true, stage: 'drafting' };
    const onTime = { overdue: false, stage: 'cell_approval' };
    expect([late, onTime].filter((u) => matchesFilter(null, u))).toEqual([late, onTime]);
    expect([late, onTime].filter((u) => matchesFilter({ kind: 'overdue' }, u))).toEqual([late]);
    expect([late, onTime].filter((u) => matchesFilter({ kind: 'stage', stage: 'cell_approval' }, u))).toEqual([onTime]);
  });

  it('lets a reader nudge the units below theirs, never their own or a sibling branch', () => {
    const may = nudgeRights({ isAdmin: false, wholePlan: false, heldUnitIds: ['kbnn'], rootId: 'duk', units });
    expect(['kbnn', 'kt', 'tt', 'bvnn'].filter(may)).toEqual(['kt', 'tt']);
  });

  it('lets administrators and the root’s people nudge every unit', () => {
    expect(['kbnn', 'kt', 'bvnn'].every(nudgeRights({ isAdmin: true, wholePlan: true, heldUnitIds: [], rootId: 'duk', units }))).toBe(true);
    expect(['kbnn', 'kt', 'bvnn'].every(nudgeRights({ isAdmin: false, wholePlan: true, heldUnitIds: ['duk'], rootId: 'duk', units }))).toBe(true);
  });
});
