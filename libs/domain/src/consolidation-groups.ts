import { UnitKind } from './types';

export interface GroupUnit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
}

/**
 * Which units consolidate, and whose reports each one gathers. The root always consolidates; a
 * unit of a kind listed in `consolidateAt` does too when it has units below it. Each report goes to
 * its nearest consolidating ancestor, so a figure is summed once: an intermediate unit's own report
 * already carries its group's sums up to the next level.
 */
export function consolidationGroups(units: readonly GroupUnit[], rootId: string, consolidateAt: readonly UnitKind[]): Map<string, string[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const hasChildren = new Set(units.map((u) => u.parentId).filter((id): id is string => id !== null));
  const consolidates = (u: GroupUnit) => u.id === rootId || (consolidateAt.includes(u.kind) && hasChildren.has(u.id));
  const groups = new Map<string, string[]>([[rootId, []]]);
  for (const unit of units) if (consolidates(unit)) groups.set(unit.id, groups.get(unit.id) ?? []);
  for (const unit of units) {
    if (unit.id === rootId) continue;
    let ancestor = unit.parentId ? byId.get(unit.parentId) : undefined;
    while (ancestor && !consolidates(ancestor)) ancestor = ancestor.parentId ? byId.get(ancestor.parentId) : undefined;
    groups.get(ancestor?.id ?? rootId)!.push(unit.id);
  }
  return groups;
}
