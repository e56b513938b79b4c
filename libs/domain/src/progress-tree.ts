export interface UnitProgress {
  unitId: string;
  unitCode: string;
  unitName: string;
  kind: string;
  parentId: string | null;
  stage: string | null;
  overdue: boolean;
}

export interface ProgressNode extends UnitProgress {
  children: ProgressNode[];
}

/** Counts per stage, and per level (unit kind) and stage. */
export function countByStageAndLevel(units: readonly UnitProgress[]) {
  const byStage: Record<string, number> = {};
  const byLevel: Record<string, Record<string, number>> = {};
  for (const unit of units) {
    if (unit.stage === null) continue;
    byStage[unit.stage] = (byStage[unit.stage] ?? 0) + 1;
    const level = (byLevel[unit.kind] ??= {});
    level[unit.stage] = (level[unit.stage] ?? 0) + 1;
  }
  return { byStage, byLevel };
}

/**
 * The unit tree under the root, each unit with its report's stage, so a dashboard draws it without
 * further calls. Units whose parent is not in the list hang under the root.
 */
export function progressTree(root: UnitProgress, units: readonly UnitProgress[]): ProgressNode {
  const nodes = new Map<string, ProgressNode>([[root.unitId, { ...root, children: [] }]]);
  for (const unit of units) nodes.set(unit.unitId, { ...unit, children: [] });
  for (const unit of units) {
    const parent = (unit.parentId && nodes.get(unit.parentId)) || nodes.get(root.unitId)!;
    parent.children.push(nodes.get(unit.unitId)!);
  }
  for (const node of nodes.values()) node.children.sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  return nodes.get(root.unitId)!;
}
