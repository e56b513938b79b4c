import { EntityManager } from 'typeorm';
import { PlanEntity } from '@app/dal';
import { consolidationGroups, UnitKind } from '@app/domain';

export interface GroupReport {
  reportId: string;
  unitId: string;
  stage: string;
}

/** The consolidating units of a plan, each with the reports it gathers (from PostgreSQL). */
export async function planGroups(em: EntityManager, plan: PlanEntity): Promise<Map<string, GroupReport[]>> {
  const rows: { report_id: string; unit_id: string; parent_id: string | null; kind: UnitKind; stage: string }[] = await em.query(
    `SELECT r.id AS report_id, u.id AS unit_id, u.parent_id, u.kind, r.stage FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1`,
    [plan.id],
  );
  const tree = [...rows.map((r) => ({ id: r.unit_id, parentId: r.parent_id, kind: r.kind })), { id: plan.rootUnitId, parentId: null, kind: 'bloc' as const }];
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  const groups = new Map<string, GroupReport[]>();
  for (const [unitId, members] of consolidationGroups(tree, plan.rootUnitId, plan.consolidateAt)) {
    groups.set(unitId, members.map((id) => byUnit.get(id)!).map((r) => ({ reportId: r.report_id, unitId: r.unit_id, stage: r.stage })));
  }
  return groups;
}

/** The cut-off of a unit's collection: the plan's consolidation deadline for its kind, else the root's. */
export function cutOffOf(plan: PlanEntity, kind: UnitKind, rootKind: UnitKind, consolidationStage: string): Date | null {
  const value = plan.deadlines[kind]?.[consolidationStage] ?? plan.deadlines[rootKind]?.[consolidationStage];
  return value ? new Date(value) : null;
}
