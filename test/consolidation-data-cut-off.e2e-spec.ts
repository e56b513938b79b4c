import { expectStatus, session } from './support/api';
import { collection, hanoiIn, waitForCollected } from './support/consolidation';
import { toConsolidation } from './support/drive';
import { createPlan, importFixture, launchPlan, reportsByUnit } from './support/factories';
import { Fixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { openPlanTask } from './support/plan-tasks';
import { PlanDto, ReportDto } from './support/types';

/**
 * A data cut-off (thời gian chốt số liệu) before the consolidation deadline: the Bloc's collection
 * closes at `bloc.collection` with the missing units listed, and the working group's task then opens
 * due at `bloc.consolidation`, with time to consolidate. Without the key the collection would close
 * at the consolidation deadline itself and hand the working group a task already due.
 */
describe('a data cut-off before the consolidation deadline', () => {
  // Time enough for the drive below to reach consolidation before the cut-off on a loaded machine
  // (5 s was not, once, in CI); the collection then closes at the cut-off.
  const CUT_OFF_MS = 20_000;
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let consolidationDue: string;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    consolidationDue = hanoiIn(3 * 86_400_000);
    plan = await createPlan(ctx, { deadlines: { bloc: { collection: hanoiIn(CUT_OFF_MS), consolidation: consolidationDue } } });
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('closes the collection at the cut-off with the units still missing, long before the consolidation deadline', async () => {
    await toConsolidation(ctx, fixture, 'KBNN-KT', reports.get('KBNN-KT')!.id);
    const row = await collection(ctx, plan.id, 'DUK');
    expect(row?.status).toBe('collecting');
    expect(new Date(row!.cut_off_at!).getTime()).toBeLessThan(Date.parse(consolidationDue));

    const collected = await waitForCollected(ctx, plan.id, 'DUK', CUT_OFF_MS + 20_000);
    expect(collected.status).toBe('collected');
    expect(collected.included).toHaveLength(1);
    expect([...collected.missing].sort()).toEqual([...reports.keys()].filter((u) => u !== 'KBNN-KT').sort());
  }, 90_000);

  it('opens the working group’s task due at the consolidation deadline, not at the cut-off', async () => {
    const task = await openPlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation');
    expect(Date.parse(task.dueAt!)).toBe(Date.parse(consolidationDue));
    expect(Date.parse(task.dueAt!)).toBeGreaterThan(Date.now() + 86_400_000);
  });

  it('moves with the other deadlines, and refuses a cut-off that is not a real date', async () => {
    const admin = await session(ctx, 'admin');
    const draft = await createPlan(ctx, { code: '150-KH/ĐUK', deadlines: { bloc: { collection: hanoiIn(86_400_000), consolidation: consolidationDue } } });
    expect((draft.deadlines as Record<string, Record<string, string>>).bloc).toMatchObject({ collection: expect.any(String) });
    expectStatus(await admin.put(`/api/plans/${draft.id}/deadlines`).send({ deadlines: { bloc: { collection: '2030-02-30T17:00:00+07:00' } } }), 400);
    expectStatus(
      await admin
        .put(`/api/plans/${draft.id}/deadlines`)
        .send({ deadlines: { bloc: { collection: hanoiIn(2 * 86_400_000), consolidation: consolidationDue } } }),
      200,
    );
    expectStatus(await admin.put(`/api/plans/${draft.id}/deadlines`).send({ deadlines: { bloc: { colection: hanoiIn(86_400_000) } } }), 400);
  });
});
