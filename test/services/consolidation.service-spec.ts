import { ConsolidationCollector, ConsolidationFlows } from '@app/core';
import { auditOf } from './support/audit';
import { approveCellReport, decide, launchedPlan, makeWorld, reportOf, submitDraft, World } from './support/factories';
import { Services, startServices, stopServices } from './support/services';

describe('ConsolidationCollector', () => {
  let services: Services;
  let collector: ConsolidationCollector;

  beforeAll(async () => {
    services = await startServices();
    collector = services.get(ConsolidationCollector);
  });
  afterAll(() => stopServices(services));

  /** The upper unit's own report through drafting, its approval and the bloc's review. */
  async function approveUpperReport(world: World, planId: string): Promise<void> {
    const report = await reportOf(services.db, planId, world.units.upper);
    await submitDraft(services, report.id, world.people.upperDrafter);
    await decide(services, report.id, world.people.upperApprover);
    await decide(services, report.id, world.people.blocReviewer);
  }

  const openTasksOf = (userId: string, planId: string) =>
    services.db.query(`SELECT stage, report_id FROM tasks WHERE assignee_id = $1 AND plan_id = $2 AND state = 'open'`, [userId, planId]);

  it('collects every approved report at the root, then opens the working group’s task and tells them', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    await services.get(ConsolidationFlows).ensure(plan.id);
    await approveCellReport(services, world, plan.id, 'A');
    await approveCellReport(services, world, plan.id, 'B');
    await approveUpperReport(world, plan.id);

    expect((await collector.collect(plan.id, world.units.bloc.id)).outcome).toBe('collected');

    const [event] = await auditOf(services.db, { planId: plan.id }, 'consolidation.collected');
    expect(event.comment).toBe('Đã đủ báo cáo');
    expect(event.data).toMatchObject({ unitCode: world.units.bloc.code, included: 3, missing: [] });
    expect(await openTasksOf(world.people.consolidator.id, plan.id)).toEqual([{ stage: 'consolidation', report_id: null }]);
    const notices = await services.db.query(`SELECT kind FROM notifications WHERE user_id = $1 AND plan_id = $2`, [world.people.consolidator.id, plan.id]);
    expect(notices.map((n: { kind: string }) => n.kind)).toContain('consolidation');
  });

  it('names the units still missing when the collection closes without them', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    await services.get(ConsolidationFlows).ensure(plan.id);
    await approveCellReport(services, world, plan.id, 'A');

    await collector.collect(plan.id, world.units.bloc.id);

    const [event] = await auditOf(services.db, { planId: plan.id }, 'consolidation.collected');
    expect(event.data).toMatchObject({ included: 1 });
    expect(event.data?.missing).toHaveLength(2);
    expect(event.comment).toMatch(/^Còn thiếu báo cáo của: /);
  });

  it('collects once: a second run changes nothing', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    await services.get(ConsolidationFlows).ensure(plan.id);
    await collector.collect(plan.id, world.units.bloc.id);

    expect((await collector.collect(plan.id, world.units.bloc.id)).outcome).toBe('already-collected');
    expect(await auditOf(services.db, { planId: plan.id }, 'consolidation.collected')).toHaveLength(1);
    expect(await openTasksOf(world.people.consolidator.id, plan.id)).toHaveLength(1);
  });

  it("starts an intermediate level's own draft from its cells' approved texts", async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world, { consolidateAt: ['upper'] });
    await services.get(ConsolidationFlows).ensure(plan.id);
    await approveCellReport(services, world, plan.id, 'A');
    await approveCellReport(services, world, plan.id, 'B');

    expect((await collector.collect(plan.id, world.units.upper.id)).outcome).toBe('collected');

    const upper = await reportOf(services.db, plan.id, world.units.upper);
    const [prefill] = await auditOf(services.db, { reportId: upper.id }, 'prefill');
    expect(prefill.data).toMatchObject({ included: 2, textsFrom: 2, missing: [] });
    const [{ sections }] = await services.db.query(`SELECT sections FROM reports WHERE id = $1`, [upper.id]);
    expect(sections.context.text).toContain('Tình hình chung của đơn vị.');
  });
});
