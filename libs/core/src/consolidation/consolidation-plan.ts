import { EntityManager } from 'typeorm';
import { PlanEntity } from '@app/dal';
import { collectionCutOff, consolidationGroups, DONE_STAGE, UnitKind, WorkflowDefinition } from '@app/domain';

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

/** The cut-off of a unit's collection (see collectionCutOff: the `collection` deadline, else the consolidation deadline). */
export function cutOffOf(plan: PlanEntity, kind: UnitKind, rootKind: UnitKind, consolidationStage: string): Date | null {
  return collectionCutOff(plan.deadlines, kind, rootKind, consolidationStage);
}

/** Stages at or after consolidation, and done: a report there counts as approved for its collection. */
export function readyStagesOf(workflow: WorkflowDefinition): Set<string> {
  const from = workflow.stages.findIndex((s) => s.kind === 'consolidation');
  return new Set([...(from < 0 ? [] : workflow.stages.slice(from).map((s) => s.key)), DONE_STAGE]);
}

/**
 * A consolidating unit below the root whose collection is still open: the units it still waits
 * for (their reports not yet approved by it), or null when the unit does not consolidate or its
 * collection is complete. Its own report starts from that collection, so it goes up only after it.
 */
export async function openCollectionBelowRoot(
  em: EntityManager,
  plan: PlanEntity,
  unitId: string,
  ready: Set<string>,
): Promise<{ cutOffAt: Date | null; waitingFor: string[] } | null> {
  if (unitId === plan.rootUnitId) return null;
  const [row]: { status: string; cut_off_at: Date | null }[] = await em.query(
    `SELECT status, cut_off_at FROM consolidations WHERE plan_id = $1 AND unit_id = $2`,
    [plan.id, unitId],
  );
  if (!row || row.status !== 'collecting') return null;
  const waiting = ((await planGroups(em, plan)).get(unitId) ?? []).filter((r) => !ready.has(r.stage)).map((r) => r.unitId);
  const codes: { code: string }[] = await em.query(`SELECT code FROM org_units WHERE id = ANY($1::uuid[]) ORDER BY code`, [waiting]);
  return { cutOffAt: row.cut_off_at, waitingFor: codes.map((c) => c.code) };
}
