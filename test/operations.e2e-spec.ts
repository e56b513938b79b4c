import { login } from './support/api';
import { createPlan, importFixture, launchPlan } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { waitFor } from './support/wait-for';

describe('operations: health and metrics', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    await launchPlan(ctx, (await createPlan(ctx)).id);
  });

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('GET /health answers without a token when PostgreSQL and Redis answer', async () => {
    const res = await ctx.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('GET /metrics gives queue depth, jobs processed, decision latency and open and overdue tasks', async () => {
    const text = await waitFor(async () => {
      const res = await ctx.http.get('/metrics');
      expect(res.status).toBe(200);
      // The launch job has completed once its count shows in BullMQ's metrics.
      return /tongket_jobs_processed_total\{queue="transitions",result="completed"\} [1-9]/.test(res.text) ? res.text : undefined;
    }, { what: 'the launch counted in the metrics' });
    expect(text).toMatch(/tongket_queue_jobs\{queue="reminders",state="delayed"\} \d+/);
    expect(text).toMatch(/tongket_decision_to_transition_seconds\{quantile="0.99"\} [\d.]+/);
    // Every drafting task of the fixture plan (2019 deadlines) is open and overdue.
    const open = Number(/tongket_open_tasks\{due="any"\} (\d+)/.exec(text)![1]);
    expect(open).toBeGreaterThan(0);
    expect(text).toContain(`tongket_open_tasks{due="overdue"} ${open}`);
    expect(text).toContain('tongket_api_process_resident_memory_bytes');
  });

  it('/admin/queues is the BullMQ dashboard for administrators only, by header or by the session cookie', async () => {
    expect((await ctx.http.get('/admin/queues')).status).toBe(401);
    const reviewer = await login(ctx, 'btv.hung');
    expect((await ctx.http.get('/admin/queues').set('Authorization', `Bearer ${reviewer}`)).status).toBe(403);
    expect((await ctx.http.post('/api/admin/queues/session').set('Authorization', `Bearer ${reviewer}`)).status).toBe(403);
    const admin = await login(ctx, 'admin');
    const page = await ctx.http.get('/admin/queues').set('Authorization', `Bearer ${admin}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<base href="/admin/queues/"');
    const session = await ctx.http.post('/api/admin/queues/session').set('Authorization', `Bearer ${admin}`);
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/tongket_admin_token=.+; Max-Age=\d+; Path=\/admin\/queues; .*HttpOnly; SameSite=Strict/);
    const queues = await ctx.http.get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(['consolidation', 'notifications', 'reminders', 'transitions']);
  });
});
