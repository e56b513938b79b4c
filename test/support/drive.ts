import { expectStatus, session } from './api';
import {
  approve,
  completeTask,
  createPlan,
  fillReport,
  importFixture,
  launchPlan,
  openTask,
  reportsByUnit,
  submitReport,
  tasksOf,
  waitForStage,
} from './factories';
import { Fixture, holders, parentOf } from './fixture';
import { E2eContext } from './harness';

/**
 * Moves one report of the fixture plan along the default workflow through the API, each step by the
 * people the fixture gives that role, waiting for the worker after each step.
 */
export async function toCellApproval(ctx: E2eContext, fixture: Fixture, unit: string, reportId: string): Promise<void> {
  const drafter = await session(ctx, holders(fixture, unit, 'drafter')[0]);
  await fillReport(ctx, reportId, drafter);
  await submitReport(reportId, drafter);
  await waitForStage(ctx, reportId, 'cell_approval');
}

export async function toCommitteeReview(ctx: E2eContext, fixture: Fixture, unit: string, reportId: string): Promise<void> {
  await toCellApproval(ctx, fixture, unit, reportId);
  for (const username of holders(fixture, unit, 'approver')) await approve(await session(ctx, username), reportId, 'cell_approval');
  await waitForStage(ctx, reportId, 'committee_review');
}

export async function toConsolidation(ctx: E2eContext, fixture: Fixture, unit: string, reportId: string): Promise<void> {
  await toCommitteeReview(ctx, fixture, unit, reportId);
  await approve(await session(ctx, holders(fixture, parentOf(fixture, unit), 'reviewer')[0]), reportId, 'committee_review');
  await waitForStage(ctx, reportId, 'consolidation');
}

/**
 * The root consolidator approves the plan's open consolidation round: every report waiting there
 * moves on. The round opens once the root's collection is complete (for the fixture plan, whose
 * cut-off is long past, right after the launch). Once the working group has consolidated, reports
 * arriving wait while the Standing Committee holds the consolidated report: a member returns it so
 * that a new round takes them in (with a reason, as a return needs one).
 */
export async function consolidate(ctx: E2eContext, consolidator = 'tgv.lan', committeeMember = 'btv.mai'): Promise<void> {
  const lan = await session(ctx, consolidator);
  const open = (await tasksOf(lan)).find((t) => t.reportId === null && t.stage === 'consolidation');
  if (!open) {
    const member = await session(ctx, committeeMember);
    const held = (await tasksOf(member)).find((t) => t.reportId === null && t.stage === 'root_approval');
    if (held)
      expectStatus(
        await completeTask(member, held.id, 'return', 'Đề nghị tổng hợp bổ sung các báo cáo được duyệt sau lần tổng hợp trước'),
        202,
        'return to the working group',
      );
  }
  const task = await openTask(lan, null, 'consolidation', 15_000);
  expectStatus(await completeTask(lan, task.id, 'approve'), 202, 'consolidation');
}

/**
 * The fixture imported, a plan launched and one cell's report drafted and submitted: at its cell's
 * approval, the start of every test about deciding a report (KBNN-KT by default).
 */
export async function reportAtCellApproval(ctx: E2eContext, unit = 'KBNN-KT', drafter = 'kbnn-kt.soanthao'): Promise<{ planId: string; reportId: string }> {
  await importFixture(ctx);
  const plan = await createPlan(ctx);
  await launchPlan(ctx, plan.id);
  const reportId = (await reportsByUnit(ctx, plan.id)).get(unit)!.id;
  const writer = await session(ctx, drafter);
  await fillReport(ctx, reportId, writer);
  await submitReport(reportId, writer);
  await waitForStage(ctx, reportId, 'cell_approval');
  return { planId: plan.id, reportId };
}
