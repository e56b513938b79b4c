import { HeldUnit, planViewScope, unitInView, WHOLE_PLAN } from '../plan-view-scope';

/**
 * Two trees: ORG ─ DUK (the plan's root) ─ KBNN ─ KT, TT; DUK ─ BVNN; and OTHER ─ X (another bloc).
 * Ancestors are written root first, the unit itself last, as org_units.ancestor_ids holds them.
 */
const path: Record<string, string[]> = {
  org: ['org'],
  duk: ['org', 'duk'],
  kbnn: ['org', 'duk', 'kbnn'],
  kt: ['org', 'duk', 'kbnn', 'kt'],
  tt: ['org', 'duk', 'kbnn', 'tt'],
  bvnn: ['org', 'duk', 'bvnn'],
  other: ['other'],
  x: ['other', 'x'],
};
const held = (...ids: string[]): HeldUnit[] => ids.map((id) => ({ unitId: id, ancestorIds: path[id] }));
const scope = (isAdmin: boolean, ...ids: string[]) => planViewScope({ isAdmin, held: held(...ids), rootAncestorIds: path.duk });

describe('planViewScope: what of a plan rooted at DUK a person sees', () => {
  it('administrators see the whole plan, even without a unit', () => {
    expect(scope(true)).toEqual(WHOLE_PLAN);
  });

  it('a role on the root or on a unit above it shows the whole plan', () => {
    expect(scope(false, 'duk')).toEqual(WHOLE_PLAN);
    expect(scope(false, 'org')).toEqual(WHOLE_PLAN);
    expect(scope(false, 'kt', 'duk')).toEqual(WHOLE_PLAN);
  });

  it('a role inside the tree shows the subtrees of those units, the topmost of each branch once', () => {
    expect(scope(false, 'kt')).toEqual({ whole: false, unitIds: ['kt'] });
    expect(scope(false, 'kt', 'kbnn', 'bvnn', 'kbnn')).toEqual({ whole: false, unitIds: ['kbnn', 'bvnn'] });
  });

  it('no role, or roles only in another tree, show nothing', () => {
    expect(scope(false)).toBeNull();
    expect(scope(false, 'x', 'other')).toBeNull();
  });

  it('roles in another tree add nothing to a role inside this one', () => {
    expect(scope(false, 'x', 'tt')).toEqual({ whole: false, unitIds: ['tt'] });
  });
});

describe('unitInView', () => {
  it('shows a unit at or below one of the scope’s units', () => {
    const kbnn = { whole: false, unitIds: ['kbnn'] } as const;
    expect(unitInView(kbnn, path.kbnn)).toBe(true);
    expect(unitInView(kbnn, path.kt)).toBe(true);
    expect(unitInView(kbnn, path.bvnn)).toBe(false);
    expect(unitInView(kbnn, path.duk)).toBe(false);
    expect(unitInView(WHOLE_PLAN, path.bvnn)).toBe(true);
  });
});
