import { EntityManager } from 'typeorm';
import { codesOfUnits, collectionOf, frozenReportIdsOf, PlanEntity, planReportsInTree, rootCollectionRound } from '@app/dal';
import { collectionCutOff, consolidationGroups, DONE_STAGE, UnitKind, WorkflowDefinition } from '@app/domain';

export interface GroupReport {
  reportId: string;
  unitId: string;
  stage: string;
}

/** The consolidating units of a plan, each with the reports it gathers (from PostgreSQL). */
export async function planGroups(em: EntityManager, plan: PlanEntity): Promise<Map<string, GroupReport[]>> {
  const rows = await planReportsInTree(em, plan.id);
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
  const row = await collectionOf(em, plan.id, unitId);
  if (!row || row.status !== 'collecting') return null;
  const waiting = ((await planGroups(em, plan)).get(unitId) ?? []).filter((r) => !ready.has(r.stage)).map((r) => r.unitId);
  return { cutOffAt: row.cut_off_at, waitingFor: await codesOfUnits(em, waiting) };
}

/**
 * Which reports a consolidation takes in, read on the caller's connection (a worker's transaction
 * sees what it has just frozen): the same rule as the consolidated view. Until the working group
 * first completes its task, the reports at or past consolidation; from then on, the reports its
 * completions took in, plus, while a later round is open, those waiting for it.
 */
export async function inclusionOf(em: EntityManager, plan: PlanEntity, ready: Set<string>): Promise<(r: { reportId: string; stage: string }) => boolean> {
  const root = await rootCollectionRound(em, plan.id, plan.rootUnitId);
  if (!root || root.consolidated_round === null) return (r) => ready.has(r.stage);
  const taken = new Set(await frozenReportIdsOf(em, plan.id));
  return (r) => taken.has(r.reportId) || (root.round_open && r.stage !== DONE_STAGE && ready.has(r.stage));
}
