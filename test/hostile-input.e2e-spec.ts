import fc from 'fast-check';
import { session, Session } from './support/api';
import { createPlan, fillReport, importFixture, launchPlan, openTask, reportsByUnit, submitReport, waitForStage } from './support/factories';
import { loadFixture } from './support/fixture';
import { E2eContext, FIXTURE_PASSWORD, startE2e, stopE2e } from './support/harness';
import { encodeSegment, FC_SEED, hostileBody, hostileValue, nastyString, rawJson, sendAndCheck, settle, unknownKey, vietnameseText } from './support/hostile';
import { TONGKET_V1 } from './support/workflows';

/**
 * Hostile input, property-based (fast-check). For every endpoint that takes a body, an id
 * or a query: never a 5xx; a 4xx changes nothing (row counts of every table, the last audit id, the
 * version sums of reports and tasks); bodies over their route's limit get 413; unknown fields get 400.
 * Reproduce a failure with FC_SEED=<seed printed below>.
 */
const RUNS = Number(process.env.FC_RUNS ?? 30);

interface BodyEndpoint {
  name: string;
  method: 'post' | 'put';
  path: () => string;
  as: string;
  /** A body the endpoint accepts (or refuses only for a reason after validation). */
  valid: () => Record<string, unknown>;
  /** The route's body limit in KB (its @BodyLimit); the default is 16 KB. */
  limitKb?: number;
}

describe('hostile input (fast-check)', () => {
  let ctx: E2eContext;
  const ids: Record<string, string> = {};
  const sessions = new Map<string, Session>();
  const as = (username: string) => sessions.get(username)!;
  const fixture = loadFixture();

  const bodyEndpoints: BodyEndpoint[] = [
    {
      name: 'login',
      method: 'post',
      path: () => '/api/auth/login',
      as: 'admin',
      valid: () => ({ username: 'kbnn-kt.capuy', password: FIXTURE_PASSWORD }),
      limitKb: 4,
    },
    { name: 'org import', method: 'post', path: () => '/api/org/import', as: 'admin', valid: () => ({ units: [], users: [] }), limitKb: 8 * 1024 },
    {
      name: 'create plan',
      method: 'post',
      path: () => '/api/plans',
      as: 'admin',
      valid: () => ({ ...fixture.plan, code: 'HOSTILE-KH/ĐUK', confirmDeadlines: true }),
      limitKb: 256,
    },
    {
      name: 'deadlines',
      method: 'put',
      path: () => `/api/plans/${ids.draft}/deadlines`,
      as: 'admin',
      valid: () => ({ deadlines: fixture.plan.deadlines }),
      limitKb: 64,
    },
    {
      name: 'migration (dry run)',
      method: 'post',
      path: () => `/api/plans/${ids.planA}/migrations`,
      as: 'admin',
      valid: () => ({ toVersion: 2, dryRun: true }),
    },
    {
      name: 'workflow version',
      method: 'post',
      path: () => '/api/workflows/tongket/versions',
      as: 'admin',
      valid: () => ({ stages: TONGKET_V1 }),
      limitKb: 128,
    },
    {
      name: 'section edit',
      method: 'put',
      path: () => `/api/reports/${ids.tg}/sections/political`,
      as: 'hlhpn-tg.bithu',
      valid: () => ({ strengths: 'Ưu điểm.', limitations: 'Hạn chế.' }),
      limitKb: 1024,
    },
    { name: 'indicators', method: 'put', path: () => `/api/reports/${ids.tg}/indicators`, as: 'hlhpn-tg.bithu', valid: () => ({ resolutions_issued: 1 }) },
    {
      name: 'complete task',
      method: 'post',
      path: () => `/api/tasks/${ids.ktTask}/complete`,
      as: 'kbnn-kt.bithu',
      valid: () => ({ decision: 'return' }),
      limitKb: 64,
    },
    { name: 'delegate task', method: 'post', path: () => `/api/tasks/${ids.ktTask}/delegate`, as: 'kbnn-kt.bithu', valid: () => ({ username: 'kbnn.bithu' }) },
    {
      name: 'replace roles',
      method: 'put',
      path: () => '/api/users/kbnn-kt.capuy/roles',
      as: 'admin',
      valid: () => ({ roles: [{ unit: 'KBNN-KT', role: 'approver' }] }),
      limitKb: 32,
    },
    { name: 'reassign', method: 'post', path: () => '/api/users/tgv.lan/reassign', as: 'admin', valid: () => ({ to: 'btv.mai' }) },
    // a wrong current password: refused after validation (422, then 429), so the caller's session lives on
    {
      name: 'own password',
      method: 'put',
      path: () => '/api/me/password',
      as: 'kbnn-kt.soanthao',
      valid: () => ({ currentPassword: 'khong-phai-mat-khau', newPassword: 'mat-khau-moi-2025' }),
      limitKb: 4,
    },
    {
      name: 'password reset',
      method: 'put',
      path: () => '/api/users/btv.hung/password',
      as: 'admin',
      valid: () => ({ password: 'mat-khau-moi-2025' }),
      limitKb: 16,
    },
  ];

  /** Sends `body` as JSON text (so scalars, arrays and prototype keys go out as they are). */
  const sendJson = (ep: BodyEndpoint, body: unknown, raw = false) => {
    const text = raw ? (body as string) : (JSON.stringify(body) ?? 'null');
    return () => as(ep.as)[ep.method](ep.path()).set('Content-Type', 'application/json').send(text);
  };

  beforeAll(async () => {
    console.log(`hostile-input: fast-check seed ${FC_SEED}, ${RUNS} runs per property (FC_SEED=${FC_SEED} to reproduce)`);
    fc.configureGlobal({ seed: FC_SEED, numRuns: RUNS, interruptAfterTimeLimit: 8_000, markInterruptAsFailure: false });
    ctx = await startE2e();
    await importFixture(ctx);
    for (const u of ['admin', 'hlhpn-tg.bithu', 'kbnn-kt.bithu', 'kbnn-kt.soanthao']) sessions.set(u, await session(ctx, u));
    ids.planA = (await createPlan(ctx)).id;
    await launchPlan(ctx, ids.planA);
    await as('admin').post('/api/workflows/tongket/versions').send({ stages: TONGKET_V1 }).expect(201);
    ids.draft = (await createPlan(ctx)).id;
    const reports = await reportsByUnit(ctx, ids.planA);
    ids.kt = reports.get('KBNN-KT')!.id;
    ids.tg = reports.get('HLHPN-TG')!.id;
    await fillReport(ctx, ids.kt, as('kbnn-kt.soanthao'));
    await submitReport(ids.kt, as('kbnn-kt.soanthao'));
    await waitForStage(ctx, ids.kt, 'cell_approval');
    ids.ktTask = (await openTask(as('kbnn-kt.bithu'), ids.kt, 'cell_approval')).id;
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  describe('bodies: malformed, wrongly typed, oversized, unknown fields', () => {
    it.each([
      'login',
      'org import',
      'create plan',
      'deadlines',
      'migration (dry run)',
      'workflow version',
      'section edit',
      'indicators',
      'complete task',
      'delegate task',
      'replace roles',
      'reassign',
      'own password',
      'password reset',
    ])('%s: hostile bodies never get a 5xx, and a 4xx changes nothing', async (name) => {
      const ep = bodyEndpoints.find((e) => e.name === name)!;
      await settle(ctx);
      await fc.assert(
        fc.asyncProperty(hostileBody(ep.valid()), async (body) => {
          await sendAndCheck(ctx, `${ep.method.toUpperCase()} ${ep.path()} as ${ep.as}`, sendJson(ep, body), body);
        }),
      );
      await fc.assert(
        fc.asyncProperty(rawJson, async (text) => {
          const res = await sendAndCheck(ctx, `${ep.method.toUpperCase()} ${ep.path()} as ${ep.as} (raw JSON)`, sendJson(ep, text, true), text);
          // an empty (whitespace-only) body is read as {}: e.g. a section edit that changes nothing
          if (text.trim() !== '' && res.status < 400) throw new Error(`raw ${JSON.stringify(text)}: expected a 4xx, got ${res.status}`);
        }),
        { numRuns: 15 },
      );
    });

    it.each(bodyEndpoints.map((e) => e.name))('%s: an unknown field gets 400 (and changes nothing)', async (name) => {
      const ep = bodyEndpoints.find((e) => e.name === name)!;
      const valid = ep.valid();
      // indicators: any name is a field; a name the plan lacks is refused as 400 as well
      await fc.assert(
        fc.asyncProperty(unknownKey(Object.keys(valid)), hostileValue, async (key, value) => {
          const body = { ...valid, [key]: value };
          const res = await sendAndCheck(
            ctx,
            `${ep.method.toUpperCase()} ${ep.path()} as ${ep.as} with unknown field ${JSON.stringify(key)}`,
            sendJson(ep, body),
            body,
          );
          if (res.status !== 400)
            throw new Error(`unknown field ${JSON.stringify(key)}: expected 400, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
        }),
        { numRuns: 15 },
      );
    });

    it.each(bodyEndpoints.map((e) => e.name))("%s: a body over its route's limit gets 413 (and changes nothing)", async (name) => {
      const ep = bodyEndpoints.find((e) => e.name === name)!;
      const valid = ep.valid();
      const key = Object.keys(valid)[0];
      const limit = (ep.limitKb ?? 16) * 1024;
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: limit + 1, max: Math.round(limit * 2.5) }), vietnameseText, async (size, text) => {
          const big = text.repeat(Math.ceil(size / Math.max(1, Buffer.byteLength(text)))).slice(0, size);
          const body = { ...valid, [key]: big };
          const res = await sendAndCheck(ctx, `${ep.method.toUpperCase()} ${ep.path()} as ${ep.as} (${size} chars)`, sendJson(ep, body));
          if (res.status !== 413) throw new Error(`${ep.name}: ${size}-char body: expected 413, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
        }),
        { numRuns: 2 },
      );
    });
  });

  describe('ids and path keys', () => {
    const hostileId = fc.oneof(
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: 60 }),
      nastyString.filter((s) => s.length > 0),
      vietnameseText.map((t) => t.slice(0, 300)),
      fc.integer().map(String),
      fc.constantFrom(
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        'null',
        'undefined',
        '%',
        '..',
        'NaN',
        '-1',
        '1e999',
        '\u0000',
        'a\u0000b',
      ),
    );
    const idPaths: [string, string, 'get' | 'post' | 'put', (id: string) => string, unknown?][] = [
      ['org unit', 'admin', 'get', (id) => `/api/org-units/${id}`],
      ['workflow key', 'admin', 'get', (id) => `/api/workflows/${id}`],
      ['workflow versions', 'admin', 'get', (id) => `/api/workflows/${id}/versions`],
      ['plan', 'admin', 'get', (id) => `/api/plans/${id}`],
      ['plan progress', 'admin', 'get', (id) => `/api/plans/${id}/progress`],
      ['plan consolidated', 'admin', 'get', (id) => `/api/plans/${id}/consolidated`],
      ['plan consolidated.docx', 'admin', 'get', (id) => `/api/plans/${id}/consolidated.docx`],
      ['plan migrations', 'admin', 'get', (id) => `/api/plans/${id}/migrations`],
      ['launch', 'admin', 'post', (id) => `/api/plans/${id}/launch`],
      ['deadlines', 'admin', 'put', (id) => `/api/plans/${id}/deadlines`, { deadlines: fixture.plan.deadlines }],
      ['migration', 'admin', 'get', (id) => `/api/migrations/${id}`],
      ['report', 'admin', 'get', (id) => `/api/reports/${id}`],
      ['report events', 'admin', 'get', (id) => `/api/reports/${id}/events`],
      ['report versions', 'admin', 'get', (id) => `/api/reports/${id}/versions`],
      ['report docx', 'admin', 'get', (id) => `/api/reports/${id}/document.docx`],
      ['section of an unknown report', 'hlhpn-tg.bithu', 'put', (id) => `/api/reports/${id}/sections/political`, { strengths: 'x' }],
      ['section key', 'hlhpn-tg.bithu', 'put', (id) => `/api/reports/${ids.tg}/sections/${id}`, { strengths: 'x' }],
      ['submit', 'hlhpn-tg.bithu', 'post', (id) => `/api/reports/${id}/submit`],
      ['task', 'admin', 'get', (id) => `/api/tasks/${id}`],
      ['complete', 'kbnn-kt.bithu', 'post', (id) => `/api/tasks/${id}/complete`, { decision: 'approve' }],
      ['delegate', 'kbnn-kt.bithu', 'post', (id) => `/api/tasks/${id}/delegate`, { username: 'kbnn-kt.capuy' }],
      ['notification read', 'admin', 'post', (id) => `/api/me/notifications/${id}/read`],
      ['user', 'admin', 'get', (id) => `/api/users/${id}`],
      ['user roles', 'admin', 'put', (id) => `/api/users/${id}/roles`, { roles: [] }],
      ['reassign from', 'admin', 'post', (id) => `/api/users/${id}/reassign`, { to: 'btv.mai' }],
      ['deactivate', 'admin', 'post', (id) => `/api/users/${id}/deactivate`],
      ['reactivate', 'admin', 'post', (id) => `/api/users/${id}/reactivate`],
      ['password reset', 'admin', 'put', (id) => `/api/users/${id}/password`, { password: 'mat-khau-moi-2025' }],
    ];
    it.each(idPaths.map((p) => [p[0], p] as const))('%s: hostile ids never get a 5xx; a 4xx changes nothing', async (_name, [, who, method, path, body]) => {
      await fc.assert(
        fc.asyncProperty(hostileId, async (id) => {
          const p = path(encodeSegment(id));
          const res = await sendAndCheck(
            ctx,
            `${method.toUpperCase()} ${p} as ${who}`,
            () => {
              const req = as(who)[method](p);
              return body === undefined ? req : req.send(body as object);
            },
            body,
          );
          // None of these ids names anything real, so nothing may succeed.
          if (res.status < 400) throw new Error(`${method.toUpperCase()} ${p}: expected a 4xx for an unknown id, got ${res.status}`);
        }),
        { examples: [['\u0000'], ['a\u0000b'], ['\ud800']] },
      );
    });
  });

  describe('queries', () => {
    const queryValue = fc.oneof(
      fc.string({ maxLength: 40 }),
      nastyString,
      fc.uuid(),
      fc.integer().map(String),
      fc.constantFrom('', 'true', 'false', '-1', '0', '1e309', '9'.repeat(400), 'null', '\u0000', 'a\u0000b'),
      vietnameseText.map((t) => t.slice(0, 500)),
    );
    const query = (names: string[]) =>
      fc.dictionary(
        fc.oneof(fc.constantFrom(...names), fc.string({ minLength: 1, maxLength: 10 })),
        fc.oneof(queryValue, fc.array(queryValue, { minLength: 2, maxLength: 3 })),
        { maxKeys: 4 },
      );
    const queryPaths: [string, string, () => string, string[]][] = [
      ['reports', 'admin', () => '/api/reports', ['planId', 'unitId', 'stage']],
      ['tasks', 'kbnn-kt.bithu', () => '/api/tasks', ['state']],
      ['notifications', 'admin', () => '/api/me/notifications', ['unread']],
      ['workflow', 'admin', () => '/api/workflows/tongket', ['version']],
      ['consolidated', 'admin', () => `/api/plans/${ids.planA}/consolidated`, ['unit']],
      ['users', 'admin', () => '/api/users', ['unit']],
      ['audit', 'admin', () => '/api/audit/configuration', ['planId', 'action', 'limit', 'before', 'after']],
    ];
    it.each(queryPaths.map((p) => [p[0], p] as const))('%s: hostile queries never get a 5xx; a 4xx changes nothing', async (_name, [, who, path, names]) => {
      await fc.assert(
        fc.asyncProperty(query(names), async (q) => {
          const qs = Object.entries(q)
            .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeSegment(k)}=${encodeSegment(x)}`))
            .join('&');
          const p = `${path()}?${qs}`;
          await sendAndCheck(ctx, `GET ${p} as ${who}`, () => as(who).get(p));
        }),
      );
    });
  });

  describe('impossible dates in deadlines', () => {
    // Date.parse rolls these over (30 February becomes 2 March); PostgreSQL refuses them.
    const impossible = ['2030-02-30T17:00:00+07:00', '2030-02-29T17:00:00Z', '2019-04-31T17:00:00+07:00', '2030-02-28T24:00:00+07:00', '2030-02-28T17:00:00'];
    const deadlinesWith = (at: string) => ({ ...fixture.plan.deadlines, cell: { ...fixture.plan.deadlines.cell, drafting: at } });
    const expect400NamingField = (res: { status: number; body: unknown }, what: string) => {
      if (res.status !== 400 || !JSON.stringify(res.body).includes('cell.drafting')) {
        throw new Error(`${what}: expected 400 naming cell.drafting, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`);
      }
    };

    it.each(impossible)('creating a plan with %s gets 400 naming the field, and changes nothing', async (at) => {
      const body = { ...fixture.plan, code: 'NGAY-KHONG-CO/ĐUK', deadlines: deadlinesWith(at) };
      const res = await sendAndCheck(ctx, `POST /api/plans with cell.drafting ${at}`, () => as('admin').post('/api/plans').send(body), body);
      expect400NamingField(res, `POST /api/plans with ${at}`);
    });

    it.each(impossible)('moving the deadlines of a launched plan and of a draft to %s gets 400 naming the field, and changes nothing', async (at) => {
      for (const plan of [ids.planA, ids.draft]) {
        const body = { deadlines: deadlinesWith(at) };
        const res = await sendAndCheck(
          ctx,
          `PUT /api/plans/${plan}/deadlines with cell.drafting ${at}`,
          () => as('admin').put(`/api/plans/${plan}/deadlines`).send(body),
          body,
        );
        expect400NamingField(res, `PUT deadlines of ${plan} with ${at}`);
      }
      const stored = (await as('admin').get(`/api/plans/${ids.planA}`).expect(200)).body as { deadlines: Record<string, Record<string, string>> };
      expect(Date.parse(stored.deadlines.cell.drafting)).toBe(Date.parse(fixture.plan.deadlines.cell!.drafting));
    });
  });
});
