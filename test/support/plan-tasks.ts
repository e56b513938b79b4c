import { expectStatus, session, Session } from './api';
import { approve, completeTask, fillReport, submitReport, tasksOf, waitForStage } from './factories';
import { Fixture, holders, parentOf } from './fixture';
import { E2eContext } from './harness';
import { TaskDto, TextPart } from './types';
import { waitFor } from '../kit/poll';

/** The user's open plan-level task (no report) of one plan in a stage: several plans may share the user. */
export async function openPlanTask(user: Session, planId: string, stage: string, timeoutMs = 10_000): Promise<TaskDto & { planId: string }> {
  return waitFor(
    async () => ((await tasksOf(user)) as (TaskDto & { planId: string })[]).find((t) => t.planId === planId && t.reportId === null && t.stage === stage),
    { timeoutMs, what: `open ${stage} task of ${user.username} on plan ${planId}` },
  );
}

export async function openPlanTasks(user: Session, planId: string): Promise<(TaskDto & { planId: string })[]> {
  return ((await tasksOf(user)) as (TaskDto & { planId: string })[]).filter((t) => t.planId === planId);
}

export async function decidePlanTask(user: Session, planId: string, stage: string, decision: 'approve' | 'return', comment?: string) {
  const task = await openPlanTask(user, planId, stage);
  expectStatus(await completeTask(user, task.id, decision, comment), 202, `${user.username} ${decision}s ${stage}`);
  return task;
}

/**
 * A fixture report from drafting to consolidation, with its figures, by the fixture's people:
 * drafter fills and submits, every approver of the unit approves, the parent's first reviewer approves.
 */
export async function fixtureToConsolidation(
  ctx: E2eContext,
  fixture: Fixture,
  unit: string,
  reportId: string,
  indicators: Record<string, number>,
  text?: (sectionKey: string, part: TextPart) => string | undefined,
): Promise<void> {
  const drafter = await session(ctx, holders(fixture, unit, 'drafter')[0]);
  await fillReport(ctx, reportId, drafter, text);
  expectStatus(await drafter.put(`/api/reports/${reportId}/indicators`).send(indicators), 200, `indicators ${unit}`);
  await submitReport(reportId, drafter);
  await waitForStage(ctx, reportId, 'cell_approval');
  for (const username of holders(fixture, unit, 'approver')) await approve(await session(ctx, username), reportId, 'cell_approval');
  await waitForStage(ctx, reportId, 'committee_review');
  await approve(await session(ctx, holders(fixture, parentOf(fixture, unit), 'reviewer')[0]), reportId, 'committee_review');
  await waitForStage(ctx, reportId, 'consolidation');
}

/** Deterministic figures for the i-th unit. */
export const figuresOf = (i: number): Record<string, number> => ({
  resolutions_issued: i + 2,
  directives_issued: (i * 3) % 5,
  members_admitted: 4 * (i + 1),
  members_disciplined: i % 3 === 0 ? 1 : 0,
  cells_rated_excellent: 1 + (i % 2),
  collaborators: 10 + i,
  lecturers: 2,
});

export function sum(all: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const one of all) for (const [k, v] of Object.entries(one)) total[k] = (total[k] ?? 0) + v;
  return total;
}
