import { DelayedJob, JobQueue, ReminderFirer, ReminderScheduler } from '@app/core';
import { auditOf } from './support/audit';
import { daysFrom, launchedPlan, makeWorld, reportOf, World } from './support/factories';
import { FIXED_NOW, Services, startServices, stopServices } from './support/services';

const DAY = 86_400_000;

describe('ReminderScheduler and ReminderFirer', () => {
  let services: Services;
  let scheduler: ReminderScheduler;
  let firer: ReminderFirer;
  /** What the scheduler hands to the queue (still added to Redis, under this file's prefix). */
  let queued: DelayedJob[];

  beforeAll(async () => {
    services = await startServices();
    scheduler = services.get(ReminderScheduler);
    firer = services.get(ReminderFirer);
    const queue = services.get(JobQueue);
    const enqueue = queue.enqueue.bind(queue);
    jest.spyOn(queue, 'enqueue').mockImplementation(async (...jobs: DelayedJob[]) => {
      queued.push(...jobs);
      await enqueue(...jobs);
    });
  });
  beforeEach(() => {
    services.clock.set(FIXED_NOW);
    queued = [];
  });
  afterAll(() => stopServices(services));

  /** The open drafting task of cell A's report in a freshly launched plan, due ten days after FIXED_NOW. */
  async function draftingTask(world: World): Promise<{ id: string; dueAt: string; reportId: string }> {
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);
    const [task] = await services.db.query(`SELECT id, due_at FROM tasks WHERE report_id = $1 AND state = 'open'`, [report.id]);
    return { id: task.id, dueAt: new Date(task.due_at).toISOString(), reportId: report.id };
  }

  const firesAt = (taskId: string) =>
    Object.fromEntries(
      queued
        .filter((job) => 'taskId' in job.data && job.data.taskId === taskId)
        .map((job) => ['offset' in job.data ? job.data.offset : 'escalation', job.fireAt?.toISOString()]),
    );

  it("plans each reminder before the due date and the escalation after it, from the plan's settings", async () => {
    const world = await makeWorld(services.db);
    const task = await draftingTask(world);
    queued = [];

    expect(await scheduler.schedule([task.id])).toBe(4);

    expect(task.dueAt).toBe(daysFrom(FIXED_NOW, 10));
    expect(firesAt(task.id)).toEqual({
      P7D: daysFrom(FIXED_NOW, 3),
      P2D: daysFrom(FIXED_NOW, 8),
      PT0S: daysFrom(FIXED_NOW, 10),
      escalation: daysFrom(FIXED_NOW, 11),
    });
  });

  it('leaves out a reminder a later one has made pointless by the time of scheduling', async () => {
    const world = await makeWorld(services.db);
    const task = await draftingTask(world);
    services.clock.set(new Date(FIXED_NOW.getTime() + 9 * DAY));
    queued = [];

    await scheduler.schedule([task.id]);

    // Both the seven-day and the two-day reminders have passed: only the later one is still sent.
    expect(Object.keys(firesAt(task.id)).sort()).toEqual(['P2D', 'PT0S', 'escalation']);
  });

  it('sends a due reminder to the holder of the task, once, and then no longer schedules it', async () => {
    const world = await makeWorld(services.db);
    const task = await draftingTask(world);
    services.clock.set(new Date(daysFrom(FIXED_NOW, 3)));

    expect(await firer.fireReminder(task.id, 'P7D', task.dueAt)).toBe('notified');
    await firer.fireReminder(task.id, 'P7D', task.dueAt);

    const notices = await services.db.query(`SELECT user_id, kind FROM notifications WHERE task_id = $1 AND kind = 'reminder'`, [task.id]);
    expect(notices).toEqual([{ user_id: world.people.drafterA.id, kind: 'reminder' }]);
    queued = [];
    await scheduler.schedule([task.id]);
    expect(Object.keys(firesAt(task.id)).sort()).toEqual(['P2D', 'PT0S', 'escalation']);
  });

  it('does nothing for a reminder planned for a due date that has since changed', async () => {
    const world = await makeWorld(services.db);
    const task = await draftingTask(world);

    const outcome = await firer.fireReminder(task.id, 'P7D', daysFrom(FIXED_NOW, 30));

    expect(outcome).not.toBe('notified');
    expect(await services.db.query(`SELECT id FROM notifications WHERE task_id = $1 AND kind = 'reminder'`, [task.id])).toEqual([]);
  });

  it("escalates a late stage to the reviewers of the unit's parent and audits it", async () => {
    const world = await makeWorld(services.db);
    const task = await draftingTask(world);
    services.clock.set(new Date(daysFrom(FIXED_NOW, 11)));

    expect(await firer.fireEscalation(task.id, task.dueAt)).toBe('notified');

    const notices = await services.db.query(`SELECT user_id FROM notifications WHERE task_id = $1 AND kind = 'escalation'`, [task.id]);
    expect(notices).toEqual([{ user_id: world.people.upperReviewer.id }]);
    const [event] = await auditOf(services.db, { reportId: task.reportId }, 'escalate');
    expect(event).toMatchObject({ task_id: task.id, data: expect.objectContaining({ recipients: [world.people.upperReviewer.id] }) });
  });
});
