import { QueueName } from '@app/jobs';
import { login } from './support/api';
import { createPlan, importFixture, launchPlan } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { engineQueue } from './support/queues';
import { waitFor } from './kit/poll';

const METRICS_TOKEN = 'prometheus-scrape-token-0123456789abcdef';

describe('operations: health, metrics, API docs and the queue dashboard', () => {
  let ctx: E2eContext;
  let admin: string;
  let reviewer: string;

  beforeAll(async () => {
    // TRUST_PROXY=loopback: the test's requests come from 127.0.0.1 and act as a local reverse proxy would.
    ctx = await startE2e({ env: { METRICS_TOKEN, TRUST_PROXY: 'loopback' } });
    await importFixture(ctx);
    await launchPlan(ctx, (await createPlan(ctx)).id);
    admin = await login(ctx, 'admin');
    reviewer = await login(ctx, 'btv.hung');
  });

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('GET /health answers without a token when PostgreSQL and Redis answer', async () => {
    const res = await ctx.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('GET /metrics gives queue depth, jobs processed, decision latency and open and overdue tasks', async () => {
    const text = await waitFor(
      async () => {
        const res = await ctx.http.get('/metrics').set(bearer(METRICS_TOKEN));
        expect(res.status).toBe(200);
        // The launch job has completed once its count shows in BullMQ's metrics.
        return /tongket_jobs_processed_total\{queue="transitions",result="completed"\} [1-9]/.test(res.text) ? res.text : undefined;
      },
      { what: 'the launch counted in the metrics' },
    );
    expect(text).toMatch(/tongket_queue_jobs\{queue="reminders",state="delayed"\} \d+/);
    expect(text).toMatch(/tongket_decision_to_transition_seconds\{quantile="0.99"\} [\d.]+/);
    // Every drafting task of the fixture plan (2019 deadlines) is open and overdue.
    const open = Number(/tongket_open_tasks\{due="any"\} (\d+)/.exec(text)![1]);
    expect(open).toBeGreaterThan(0);
    expect(text).toContain(`tongket_open_tasks{due="overdue"} ${open}`);
    expect(text).toContain('tongket_api_process_resident_memory_bytes');
  });

  it('GET /metrics needs METRICS_TOKEN or an administrator’s token', async () => {
    expect((await ctx.http.get('/metrics')).status).toBe(401);
    expect((await ctx.http.get('/metrics').set(bearer(`${METRICS_TOKEN}x`))).status).toBe(401);
    expect((await ctx.http.get('/metrics').set({ Authorization: `Basic ${METRICS_TOKEN}` })).status).toBe(401);
    expect((await ctx.http.get('/metrics').set(bearer(reviewer))).status).toBe(403);
    const byAdmin = await ctx.http.get('/metrics').set(bearer(admin));
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.text).toContain('tongket_open_tasks');
  });

  it('/docs and /docs-json are for administrators: by header, or in a browser by the docs cookie', async () => {
    for (const path of ['/docs', '/docs-json', '/docs/swagger-ui-init.js']) {
      expect((await ctx.http.get(path)).status).toBe(401);
      expect((await ctx.http.get(path).set(bearer(reviewer))).status).toBe(403);
    }
    const json = await ctx.http.get('/docs-json').set(bearer(admin));
    expect(json.status).toBe(200);
    expect(json.body.paths['/api/admin/docs/session']).toBeDefined();
    expect(json.body.paths['/metrics'].get.security).toEqual([{ bearer: [] }]);
    expect((await ctx.http.post('/api/admin/docs/session').set(bearer(reviewer))).status).toBe(403);
    const session = await ctx.http.post('/api/admin/docs/session').set(bearer(admin));
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/tongket_admin_token=.+; Max-Age=\d+; Path=\/docs; .*HttpOnly; SameSite=Strict/);
    const page = await ctx.http.get('/docs/').set('Cookie', cookie.split(';')[0]);
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui');
    expect((await ctx.http.get('/docs/swagger-ui-init.js').set('Cookie', cookie.split(';')[0])).status).toBe(200);
  });

  it('the OpenAPI document gives every operation its success answer and the errors the engine can give it, in one error shape', async () => {
    const doc = (await ctx.http.get('/docs-json').set(bearer(admin))).body as {
      paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown; parameters?: unknown[]; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.components.schemas.ErrorView).toBeDefined();
    const gaps: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const codes = Object.keys(op.responses);
        const missing = [
          codes.some((c) => c.startsWith('2')) ? null : '2xx',
          codes.includes('500') ? null : '500',
          op.security?.length && !codes.includes('401') ? '401' : null,
          (op.requestBody || op.parameters?.length) && !codes.includes('400') ? '400' : null,
          path.includes('{') && !codes.includes('404') ? '404' : null,
        ].filter(Boolean);
        if (missing.length) gaps.push(`${method.toUpperCase()} ${path}: ${missing.join(', ')}`);
      }
    }
    expect(gaps).toEqual([]);
    // A handler's own status (202 for a launch) is the one documented.
    expect(Object.keys(doc.paths['/api/plans/{id}/launch'].post.responses)).toContain('202');
    expect(Object.keys(doc.paths['/api/plans/{id}/migrations'].post.responses)).toEqual(expect.arrayContaining(['200', '202']));
  });

  it('/admin/queues is the BullMQ dashboard for administrators only, by header or by the session cookie', async () => {
    expect((await ctx.http.get('/admin/queues')).status).toBe(401);
    expect((await ctx.http.get('/admin/queues').set(bearer(reviewer))).status).toBe(403);
    expect((await ctx.http.post('/api/admin/queues/session').set(bearer(reviewer))).status).toBe(403);
    const page = await ctx.http.get('/admin/queues').set(bearer(admin));
    expect(page.status).toBe(200);
    expect(page.text).toContain('<base href="/admin/queues/"');
    const session = await ctx.http.post('/api/admin/queues/session').set(bearer(admin));
    expect(session.status).toBe(204);
    const cookie = String(session.headers['set-cookie']);
    expect(cookie).toMatch(/tongket_admin_token=.+; Max-Age=\d+; Path=\/admin\/queues; .*HttpOnly; SameSite=Strict/);
    // Plain HTTP: a Secure cookie would never come back.
    expect(cookie).not.toMatch(/; Secure/i);
    const queues = await ctx.http.get('/admin/queues/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());
  });

  it('over HTTPS (a trusted proxy says X-Forwarded-Proto: https) the admin cookies are Secure', async () => {
    for (const path of ['/api/admin/queues/session', '/api/admin/docs/session']) {
      const res = await ctx.http.post(path).set(bearer(admin)).set('X-Forwarded-Proto', 'https');
      expect(res.status).toBe(204);
      expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; Secure; SameSite=Strict/);
    }
  });

  it('every change made through the dashboard is audited: who, when, which queue and job, what', async () => {
    const notifications = engineQueue(ctx, 'notifications');
    try {
      // A job far in the future, for the dashboard to remove.
      const job = await notifications.add(
        'email.send',
        { notificationId: '00000000-0000-0000-0000-000000000000' },
        { delay: 3_600_000, jobId: 'dashboard-audit-probe' },
      );
      const before = Number((await ctx.db.query<{ id: string }>(`SELECT coalesce(max(id), 0) AS id FROM audit_events`)).rows[0].id);
      const started = Date.now();
      const call = (path: string) => ctx.http.put(`/admin/queues/api/queues${path}`).set(bearer(admin));
      expect((await call('/transitions/pause')).status).toBeLessThan(300);
      expect((await call('/transitions/resume')).status).toBeLessThan(300);
      expect((await call(`/notifications/${job.id}/clean`)).status).toBeLessThan(300);
      expect(await notifications.getJob(job.id!)).toBeUndefined();
      // Reads are not audited; a refused caller changes nothing and is not recorded as acting.
      expect((await ctx.http.get('/admin/queues/api/queues').set(bearer(admin))).status).toBe(200);
      expect((await ctx.http.put('/admin/queues/api/queues/transitions/pause').set(bearer(reviewer))).status).toBe(403);
      const transitions = engineQueue(ctx, 'transitions');
      expect(await transitions.isPaused()).toBe(false);
      await transitions.close();

      const { rows } = await ctx.db.query<{ actor: string; action: string; at: Date; data: Record<string, unknown> }>(
        `SELECT actor, action, at, data FROM audit_events WHERE id > $1 ORDER BY id`,
        [before],
      );
      expect(rows.map((r) => [r.actor, r.action, r.data.operation, r.data.queue, r.data.jobId, r.data.method])).toEqual([
        ['admin', 'queue.dashboard', 'pause', 'transitions', null, 'PUT'],
        ['admin', 'queue.dashboard', 'resume', 'transitions', null, 'PUT'],
        ['admin', 'queue.dashboard', 'job.remove', 'notifications', 'dashboard-audit-probe', 'PUT'],
      ]);
      for (const row of rows) expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(started - 1_000);
      const listed = await ctx.http.get('/api/audit/configuration?action=queue.dashboard').set(bearer(admin));
      expect(listed.status).toBe(200);
      expect(listed.body).toHaveLength(3);
    } finally {
      await notifications.close();
    }
  });
});
