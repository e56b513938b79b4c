import { session, Session } from './support/api';
import { importFixture } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

/**
 * What every answer of the HTTP server carries, whatever the adapter under Nest: security headers,
 * a request id, revalidation by ETag, times in +07:00, the engine's error shape for unknown routes,
 * and paths read as integrators wrote them (a trailing slash, HEAD for GET).
 */
describe('HTTP answers: headers, revalidation and errors of the server itself', () => {
  let ctx: E2eContext;
  let admin: Session;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('sends the security headers and a request id on API answers, and keeps a sane request id given by a proxy', async () => {
    const res = await admin.get('/api/me');
    expect(res.status).toBe(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/^[\w.-]{1,100}$/);
    const given = await admin.get('/api/me').set('X-Request-Id', 'proxy-abc.1');
    expect(given.headers['x-request-id']).toBe('proxy-abc.1');
    const refused = await admin.get('/api/me').set('X-Request-Id', 'bad id\u00e9');
    expect(refused.headers['x-request-id']).not.toBe('bad id\u00e9');
  });

  it('gives JSON answers a weak ETag, and a 304 without a body to a browser that holds the same answer', async () => {
    const first = await admin.get('/api/me');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await admin.get('/api/me').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    expect((await admin.get('/api/me').set('If-None-Match', 'W/"something-else"')).status).toBe(200);
  });

  it('writes times in the engine’s zone, +07:00', async () => {
    const res = await admin.get('/api/plans');
    expect(res.status).toBe(200);
    const times = JSON.stringify(res.body).match(/"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)"/g) ?? [];
    for (const time of times) expect(time).toMatch(/\+07:00"$/);
  });

  it('answers an unknown route and an unknown method with a JSON 404 in the engine’s error shape', async () => {
    for (const res of [await admin.get('/api/no-such-thing'), await admin.post('/api/me'), await ctx.http.get('/api/no-such-thing')]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    }
  });

  it('reads a trailing slash as the path without it, and answers HEAD as GET without a body', async () => {
    const slash = await admin.get('/api/me/');
    expect(slash.status).toBe(200);
    expect(slash.body.username).toBe('admin');
    const head = await ctx.http.head('/api/me').set('Authorization', `Bearer ${admin.token}`);
    expect(head.status).toBe(200);
    expect(head.text ?? '').toBe('');
  });

  it('refuses a malformed path with a 400 in the engine’s error shape', async () => {
    for (const path of ['/api/plans/%E0%A4%A', '/api/plans/a%00b']) {
      const res = await admin.get(path);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
  });
});
