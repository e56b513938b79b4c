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
    groups.set(
      unitId,
      members.map((id) => byUnit.get(id)!).map((r) => ({ reportId: r.report_id, unitId: r.unit_id, stage: r.stage })),
    );
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

/**
 * Which reports a consolidation takes in, read on the caller's connection (a worker's transaction
 * sees what it has just frozen): the same rule as the consolidated view. Until the working group
 * first completes its task, the reports at or past consolidation; from then on, the reports its
 * completions took in, plus, while a later round is open, those waiting for it.
 */
export async function inclusionOf(em: EntityManager, plan: PlanEntity, ready: Set<string>): Promise<(r: { reportId: string; stage: string }) => boolean> {
  const [root]: { consolidated_round: number | null; round_open: boolean }[] = await em.query(
    `SELECT c.consolidated_round,
            EXISTS (SELECT 1 FROM tasks t WHERE t.plan_id = c.plan_id AND t.report_id IS NULL AND t.kind = 'consolidation' AND t.state = 'open') AS round_open
       FROM consolidations c WHERE c.plan_id = $1 AND c.unit_id = $2`,
    [plan.id, plan.rootUnitId],
  );
  if (!root || root.consolidated_round === null) return (r) => ready.has(r.stage);
  const frozen: { report_id: string }[] = await em.query(`SELECT report_id FROM consolidation_inclusions WHERE plan_id = $1`, [plan.id]);
  const taken = new Set(frozen.map((f) => f.report_id));
  return (r) => taken.has(r.reportId) || (root.round_open && r.stage !== DONE_STAGE && ready.has(r.stage));
}
