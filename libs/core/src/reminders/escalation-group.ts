import { EntityManager } from 'typeorm';
import { listEscalationConsolidators, listEscalationReviewers, OpenTaskContext, openRoundHolderNames } from '@app/dal';

/**
 * A late stage is escalated once per report, stage and round, not once per task: a cell approval
 * held by two approvers is one late step for the committee above, which hears of it once, with
 * both names. Plan-level tasks (the root's consolidation) group by plan instead of report.
 */
export function escalationGroupKey(task: Pick<OpenTaskContext, 'reportId' | 'planId' | 'stage' | 'round'>): string {
  return `${task.reportId ?? `plan-${task.planId}`}:${task.stage}:${task.round}`;
}

/** Who still holds the group's open tasks, by name: the people the escalation is about. */
export async function openHolderNames(em: EntityManager, task: OpenTaskContext): Promise<string[]> {
  const rows = await openRoundHolderNames(em, task);
  return [...new Set(rows.map((r) => r.full_name))];
}

/** The reviewers of the unit's parent; the root's consolidators when that is the root or has no reviewer. */
export async function escalationRecipients(em: EntityManager, task: OpenTaskContext): Promise<string[]> {
  const atRoot = task.parentId === null || task.parentId === task.rootUnitId;
  const rows = atRoot ? [] : await listEscalationReviewers(em, task.parentId);
  if (rows.length) return rows.map((r) => r.user_id);
  const consolidators = await listEscalationConsolidators(em, task.rootUnitId);
  return consolidators.map((r) => r.user_id);
}
