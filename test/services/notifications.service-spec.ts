import { NotificationsService } from '@app/core';
import { notifyWithEmail } from '../../libs/core/src/notifications/email-outbox';
import { decide, launchedPlan, makeWorld, reportOf, submitDraft } from './support/factories';
import { Services, startServices, stopServices } from './support/services';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  reportId: string | null;
  readAt: Date | null;
}

describe('Notifications written by the cycle, and NotificationsService', () => {
  let services: Services;
  let notifications: NotificationsService;
  const inbox = async (userId: string, unreadOnly = false) => (await notifications.list(userId, unreadOnly)) as Notice[];

  beforeAll(async () => {
    services = await startServices();
    notifications = services.get(NotificationsService);
  });
  afterAll(() => stopServices(services));

  it('tells each drafter of their new task at launch, and nobody else', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const reportA = await reportOf(services.db, plan.id, world.units.cellA);

    const notices = await inbox(world.people.drafterA.id);

    expect(notices.map((n) => [n.kind, n.reportId])).toEqual([['task', reportA.id]]);
    expect(await inbox(world.people.approverA.id)).toEqual([]);
    expect(await inbox(world.people.consolidator.id)).toEqual([]);
  });

  it('tells the approvers when a report reaches them, and the drafter of a return with its reason', async () => {
    const world = await makeWorld(services.db);
    const plan = await launchedPlan(services, world);
    const report = await reportOf(services.db, plan.id, world.units.cellA);
    await submitDraft(services, report.id, world.people.drafterA);

    expect((await inbox(world.people.approverA.id)).map((n) => n.kind)).toEqual(['task']);
    await decide(services, report.id, world.people.approverA, 'return');

    const [latest] = await inbox(world.people.drafterA.id);
    expect(latest.kind).toBe('return');
    expect(latest.body).toContain('Đề nghị bổ sung phần đặc điểm tình hình.');
  });

  it('records an e-mail with each notice, pending until the relay sends it', async () => {
    const world = await makeWorld(services.db);
    await launchedPlan(services, world);

    const rows = await services.db.query(`SELECT email_state, email_attempts FROM notifications WHERE user_id = $1`, [world.people.drafterA.id]);

    expect(rows).toEqual([{ email_state: 'pending', email_attempts: 0 }]);
  });

  it('counts and marks read only the caller’s own notices', async () => {
    const world = await makeWorld(services.db);
    await launchedPlan(services, world);
    const [notice] = await inbox(world.people.drafterA.id);

    await expect(notifications.markRead(world.people.drafterB.id, notice.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await notifications.unreadCount(world.people.drafterA.id)).toBe(1);
    expect((await notifications.markRead(world.people.drafterA.id, notice.id)).readAt).not.toBeNull();
    expect(await notifications.unreadCount(world.people.drafterA.id)).toBe(0);
    expect(await inbox(world.people.drafterA.id, true)).toEqual([]);
    expect(await notifications.unreadCount(world.people.drafterB.id)).toBe(1);
  });

  it('marks all of one person’s notices read, leaving everybody else’s', async () => {
    const world = await makeWorld(services.db);
    await launchedPlan(services, world);

    expect(await notifications.markAllRead(world.people.drafterA.id)).toEqual({ updated: 1 });
    expect(await notifications.markAllRead(world.people.drafterA.id)).toEqual({ updated: 0 });
    expect(await notifications.unreadCount(world.people.upperDrafter.id)).toBe(1);
  });
  it('writes each new notice and its e-mail job in one statement, and nothing for a notice whose key exists', async () => {
    const world = await makeWorld(services.db);
    const notice = (dedupKey: string) => ({ userId: world.people.drafterA.id, kind: 'nudge' as const, title: 'Đôn đốc', body: 'Nhắc việc', dedupKey });
    const first = await services.db.transaction((em) => notifyWithEmail(em, [notice('svc:a'), notice('svc:b')]));
    const again = await services.db.transaction((em) => notifyWithEmail(em, [notice('svc:b'), notice('svc:c')]));

    expect(first.created.map((c) => c.dedupKey).sort()).toEqual(['svc:a', 'svc:b']);
    expect(again.created.map((c) => c.dedupKey)).toEqual(['svc:c']);
    expect([first.outbox.length, again.outbox.length]).toEqual([2, 1]);
    const jobs: { job_name: string; payload: { notificationId: string } }[] = await services.db.query(
      `SELECT job_name, payload FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [[...first.outbox, ...again.outbox]],
    );
    expect(jobs.map((j) => j.job_name)).toEqual(['email.send', 'email.send', 'email.send']);
    expect(jobs.map((j) => j.payload.notificationId).sort()).toEqual([...first.created, ...again.created].map((c) => c.id).sort());
  });
});
