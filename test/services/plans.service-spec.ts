import { PlansService, WorkflowsService } from '@app/core';
import { DEFAULT_WORKFLOW, StageDefinition } from '@app/domain';
import { auditOf } from './support/audit';
import { daysFrom, deadlinesFrom, launchedPlan, makeWorld, newPlan, reportOf } from './support/factories';
import { FIXED_NOW, Services, startServices, stopServices } from './support/services';

const DAY = 86_400_000;

describe('PlansService and the due dates', () => {
  let services: Services;
  let plans: PlansService;
  const openTaskDue = async (reportId: string): Promise<Date[]> =>
    (await services.db.query(`SELECT due_at FROM tasks WHERE report_id = $1 AND state = 'open'`, [reportId])).map((t: { due_at: Date }) => t.due_at);

  beforeAll(async () => {
    services = await startServices();
    plans = services.get(PlansService);
  });
  beforeEach(() => services.clock.set(FIXED_NOW));
  afterAll(() => stopServices(services));

  it('creates a draft plan on the current workflow and audits who created it', async () => {
    const world = await makeWorld(services.db);

    const plan = await plans.create(newPlan(world, services.clock.now()), world.people.admin);

    expect(plan).toMatchObject({ status: 'draft', rootUnitId: world.units.bloc.id, workflowKey: DEFAULT_WORKFLOW.key, consolidateAt: ['bloc'] });
    const [event] = await auditOf(services.db, { planId: plan.id }, 'plan.create');
    expect(event).toMatchObject({ actor_id: world.people.admin.id, data: expect.objectContaining({ code: plan.code }) });
  });

  it('refuses an unknown root unit with INVALID and a code already used with CONFLICT', async () => {
    const world = await makeWorld(services.db);
    const input = newPlan(world, services.clock.now());
    await plans.create(input, world.people.admin);

    await expect(plans.create({ ...input, rootUnit: 'NO-SUCH-UNIT' }, world.people.admin)).rejects.toMatchObject({ code: 'INVALID' });
    await expect(plans.create(input, world.people.admin)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('judges deadlines as past by the injected clock, not the machine time', async () => {
    const world = await makeWorld(services.db);
    const deadlines = deadlinesFrom(FIXED_NOW);
    services.clock.advanceDays(12);

    // Twelve days on, the cells' drafting deadline (ten days after FIXED_NOW) has passed.
    await expect(plans.create(newPlan(world, FIXED_NOW, { deadlines, confirmDeadlines: false }), world.people.admin)).rejects.toMatchObject({
      code: 'INVALID',
    });
    services.clock.set(FIXED_NOW);
    await expect(plans.create(newPlan(world, FIXED_NOW, { deadlines, confirmDeadlines: false }), world.people.admin)).resolves.toMatchObject({
      status: 'draft',
    });
  });

  it("gives each launched report its kind's deadline for its first stage", async () => {
    const world = await makeWorld(services.db);

    const plan = await launchedPlan(services, world);

    expect(plan.status).toBe('launched');
    const cell = await reportOf(services.db, plan.id, world.units.cellA);
    const upper = await reportOf(services.db, plan.id, world.units.upper);
    expect(cell.due_at?.toISOString()).toBe(daysFrom(FIXED_NOW, 10));
    expect(upper.due_at?.toISOString()).toBe(daysFrom(FIXED_NOW, 25));
    expect(await openTaskDue(cell.id)).toEqual([cell.due_at]);
  });

  it("dates a stage without a deadline from the clock's now when the report enters it (its dueAfter)", async () => {
    const world = await makeWorld(services.db);
    const key = `short-${world.tag}`;
    const stages: StageDefinition[] = DEFAULT_WORKFLOW.stages.map((s) => (s.key === 'drafting' ? { ...s, dueAfter: 'P5D' } : s));
    await services.get(WorkflowsService).createVersion(key, stages, world.people.admin);
    const deadlines = deadlinesFrom(FIXED_NOW);
    delete deadlines.cell!.drafting;
    services.clock.advanceDays(1);

    const plan = await launchedPlan(services, world, { workflow: key, deadlines });

    const cell = await reportOf(services.db, plan.id, world.units.cellA);
    expect(cell.due_at?.getTime()).toBe(FIXED_NOW.getTime() + 6 * DAY);
  });

  it("moves the open tasks' due dates when the plan's deadlines change, and audits before and after", async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const cell = await reportOf(services.db, plan.id, world.units.cellA);
    const later = deadlinesFrom(FIXED_NOW);
    later.cell!.drafting = daysFrom(FIXED_NOW, 12);

    await plans.updateDeadlines(plan.id, later, world.people.admin);

    expect(await openTaskDue(cell.id)).toEqual([new Date(daysFrom(FIXED_NOW, 12))]);
    expect((await reportOf(services.db, plan.id, world.units.upper)).due_at?.toISOString()).toBe(daysFrom(FIXED_NOW, 25));
    expect(await auditOf(services.db, { planId: plan.id }, 'plan.deadlines')).toHaveLength(1);
  });

  it('launches a plan once: a second request is refused with CONFLICT', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);

    await expect(plans.requestLaunch(plan.id, world.people.admin)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
