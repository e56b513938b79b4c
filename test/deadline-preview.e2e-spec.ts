import { expectStatus, session, Session } from './support/api';
import { aheadPlan } from './support/ahead-plan';
import { hanoiIn } from './support/consolidation';
import { importFixture, launchPlan } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { PlanDto } from './support/types';

const DAY = 86_400_000;

interface Preview {
  tasksMoved: number;
  remindersRescheduled: number;
  deadlineProblems: { field: string; problem: string; message: string }[];
}

/**
 * The deadline editor's preview: what PUT …/deadlines would move (open tasks, reminders still to
 * come), answered without changing the plan, its tasks, its audit trail or its queue.
 */
describe('previewing a change of deadlines before saving it', () => {
  let ctx: E2eContext;
  let admin: Session;
  let plan: PlanDto;
  const later = (days: number) => {
    const stages = { drafting: hanoiIn(days * DAY), cell_approval: hanoiIn((days + 1) * DAY), committee_review: hanoiIn((days + 2) * DAY) };
    return { cell: stages, grassroots: stages, upper: stages, bloc: { consolidation: hanoiIn((days + 9) * DAY) } };
  };
  /** What a preview must leave as it was. */
  const state = async () => ({
    plan: (await ctx.db.query(`SELECT deadlines, version FROM plans WHERE id = $1`, [plan.id])).rows[0],
    tasks: (await ctx.db.query(`SELECT id, due_at, version FROM tasks WHERE plan_id = $1 ORDER BY id`, [plan.id])).rows,
    audit: (await ctx.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE plan_id = $1`, [plan.id])).rows[0].n,
  });

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
    plan = await aheadPlan(ctx);
    await launchPlan(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('counts the open tasks and reminders that would move, the same count the edit then moves, and changes nothing', async () => {
    const before = await state();
    const openDrafting = (await ctx.db.query(`SELECT count(*)::int AS n FROM tasks WHERE plan_id = $1 AND state = 'open' AND report_id IS NOT NULL`, [plan.id]))
      .rows[0].n;
    const preview = expectStatus(await admin.post(`/api/plans/${plan.id}/deadlines/preview`).send({ deadlines: later(20) }), 200, 'preview').body as Preview;
    expect(preview.tasksMoved).toBe(openDrafting);
    // One reminder (P1D) per moved task, none sent yet, and no escalation set.
    expect(preview.remindersRescheduled).toBe(openDrafting);
    expect(preview.deadlineProblems).toEqual([]);
    expect(await state()).toEqual(before);

    expectStatus(await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: later(20) }), 200, 'the edit');
    const { rows } = await ctx.db.query<{ data: { tasksMoved: number } }>(`SELECT data FROM audit_events WHERE action = 'plan.deadlines' AND plan_id = $1`, [
      plan.id,
    ]);
    expect(rows[0].data.tasksMoved).toBe(preview.tasksMoved);
  });

  it('moves nothing for the deadlines already saved', async () => {
    const saved = (await state()).plan.deadlines;
    expect(expectStatus(await admin.post(`/api/plans/${plan.id}/deadlines/preview`).send({ deadlines: saved }), 200).body).toMatchObject({
      tasksMoved: 0,
      remindersRescheduled: 0,
    });
  });

  it('lists deadlines out of order, in Vietnamese, instead of refusing them, and changes nothing', async () => {
    const before = await state();
    const d = later(20);
    const outOfOrder = { ...d, cell: { ...d.cell, cell_approval: hanoiIn(15 * DAY) } };
    const preview = expectStatus(await admin.post(`/api/plans/${plan.id}/deadlines/preview`).send({ deadlines: outOfOrder }), 200).body as Preview;
    expect(preview.deadlineProblems.map((p) => p.field)).toEqual(['deadlines.cell.cell_approval']);
    expect(preview.deadlineProblems[0]).toMatchObject({ problem: 'order', message: expect.stringContaining('deadlines.cell.cell_approval') });
    expect(await state()).toEqual(before);
  });

  it('answers 400 for malformed deadlines and 404 for an unknown plan, changing nothing', async () => {
    const before = await state();
    expectStatus(await admin.post(`/api/plans/${plan.id}/deadlines/preview`).send({ deadlines: { cell: { khong_co: hanoiIn(DAY) } } }), 400, 'unknown stage');
    expectStatus(
      await admin.post(`/api/plans/${plan.id}/deadlines/preview`).send({ deadlines: { cell: { drafting: '2027-01-10T17:00:00' } } }),
      400,
      'no offset',
    );
    expectStatus(await admin.post(`/api/plans/${plan.id}/deadlines/preview`).send({}), 400, 'no deadlines');
    expectStatus(await admin.post('/api/plans/00000000-0000-4000-8000-000000000000/deadlines/preview').send({ deadlines: later(20) }), 404, 'unknown plan');
    expect(await state()).toEqual(before);
  });
});
