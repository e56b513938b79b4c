/**
 * What the dashboard's counts filter to, and who may be reminded from it: plain functions over the
 * progress answer, so the tree, the list and the nudge buttons agree and can be tested without React.
 */
import { mayNudge } from '../../../libs/domain/src/nudges';
import type { ProgressUnit } from './api-types';

/** Which units the dashboard shows: all, the overdue, or those at one stage. */
export type UnitFilter = { kind: 'overdue' } | { kind: 'stage'; stage: string } | null;

export function matchesFilter(filter: UnitFilter, unit: Pick<ProgressUnit, 'overdue' | 'stage'>): boolean {
  if (!filter) return true;
  return filter.kind === 'overdue' ? unit.overdue : unit.stage === filter.stage;
}

/**
 * Whether the reader may nudge each unit of the plan (mayNudge, as the engine decides it): an
 * administrator, or a role on a unit above it. Who sees the whole plan without being an administrator
 * holds a role on its root or above, so above every unit of it.
 */
export function nudgeRights(input: {
  isAdmin: boolean;
  wholePlan: boolean;
  heldUnitIds: readonly string[];
  rootId: string;
  units: readonly Pick<ProgressUnit, 'unitId' | 'parentId'>[];
}): (unitId: string) => boolean {
  if (input.isAdmin || input.wholePlan) return () => true;
  const parentOf = new Map(input.units.map((u) => [u.unitId, u.parentId ?? input.rootId]));
  const ancestorsOf = (unitId: string): string[] => {
    const chain = [unitId];
    for (let id = parentOf.get(unitId); id && !chain.includes(id); id = parentOf.get(id)) chain.unshift(id);
    return chain;
  };
  return (unitId) => mayNudge({ isAdmin: false, heldUnitIds: input.heldUnitIds, unitAncestorIds: ancestorsOf(unitId) });
}
