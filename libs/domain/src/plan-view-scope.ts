/**
 * What of a plan a person may see. A plan covers the subtree of its root unit: administrators and
 * the people of the root or of a unit above it see all of it; people of units inside the tree see
 * the subtrees of their units (as they may read those units' reports: a role on the unit or above);
 * everyone else sees nothing of it.
 */
export type PlanViewScope = { whole: true } | { whole: false; unitIds: readonly string[] };

/** A unit the person holds a role on, with its ancestors (root first, the unit itself last). */
export interface HeldUnit {
  unitId: string;
  ancestorIds: readonly string[];
}

export interface PlanViewInput {
  isAdmin: boolean;
  held: readonly HeldUnit[];
  /** The plan's root unit with its ancestors (root of the whole organisation first, the plan's root last). */
  rootAncestorIds: readonly string[];
}

export const WHOLE_PLAN: PlanViewScope = { whole: true };

/** The scope, or null when the plan is none of the person's business. */
export function planViewScope({ isAdmin, held, rootAncestorIds }: PlanViewInput): PlanViewScope | null {
  if (isAdmin) return WHOLE_PLAN;
  const rootId = rootAncestorIds[rootAncestorIds.length - 1];
  if (held.some((unit) => rootAncestorIds.includes(unit.unitId))) return WHOLE_PLAN;
  const inside = held.filter((unit) => unit.ancestorIds.includes(rootId));
  // A unit below another held unit adds nothing: its subtree is already seen.
  const insideIds = new Set(inside.map((unit) => unit.unitId));
  const tops = inside.filter((unit) => !unit.ancestorIds.slice(0, -1).some((id) => insideIds.has(id)));
  const unitIds = [...new Set(tops.map((unit) => unit.unitId))];
  return unitIds.length ? { whole: false, unitIds } : null;
}

/** Whether a unit (by its ancestors, itself last) is within what the scope shows. */
export function unitInView(scope: PlanViewScope, unitAncestorIds: readonly string[]): boolean {
  return scope.whole || unitAncestorIds.some((id) => scope.unitIds.includes(id));
}
