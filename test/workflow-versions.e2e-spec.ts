import { expectStatus, session, Session } from './support/api';
import { approve, createPlan, getPlan, importFixture, launchPlan, listReports, openTask, reportsByUnit, waitForStage } from './support/factories';
import { toCommitteeReview } from './support/drive';
import { Fixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { createVersion, insertAfter, ORG_PRECHECK, StageDef, TONGKET_V1, WorkflowDto } from './support/workflows';

const stage = (over: Partial<StageDef> & { key: string }): StageDef => ({
  name: `Bước ${over.key}`,
  kind: 'approval',
  role: 'reviewer',
  scope: 'parent',
  rule: { type: 'any' },
  ...over,
});
const draft = stage({ key: 'drafting', kind: 'draft', role: 'drafter', scope: 'self' });
const gather = (key = 'consolidation') => stage({ key, kind: 'consolidation', role: 'consolidator', scope: 'root' });

/** Asserts a 422 whose `problems` has one entry matching each pattern, and answers the problems. */
function expectProblems(res: { status: number; body: { problems?: unknown; message?: unknown } }, patterns: RegExp[]): string[] {
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 422 });
  const problems = res.body.problems as string[];
  expect(Array.isArray(problems)).toBe(true);
  const unmatched = patterns.filter((p) => !problems.some((text) => p.test(text)));
  expect({ unmatched: unmatched.map(String), problems }).toEqual({ unmatched: [], problems });
  return problems;
}

describe('workflow versions: soundness checks, immutable versions, pinning at launch', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let admin: Session;
  let onV1: string;
  let createdOnV1: string;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    admin = await session(ctx, 'admin');
    // One plan launched on version 1, one only created while version 1 is current.
    onV1 = (await createPlan(ctx)).id;
    await launchPlan(ctx, onV1);
    createdOnV1 = (await createPlan(ctx)).id;
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const post = (stages: unknown, key = 'tongket') => admin.post(`/api/workflows/${key}/versions`).send({ stages });

  it('the built-in tongket is version 1 with the domain’s four stages', async () => {
    const v1 = expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto;
    expect(v1.version).toBe(1);
    expect(v1.stages).toEqual(TONGKET_V1.map((s) => expect.objectContaining(s)));
  });

  it('one unsound definition gets one 422 listing every problem', async () => {
    const stages = [
      stage({ key: 'review_first' }),
      draft,
      { ...draft, name: 'Dự thảo lần hai' },
      stage({ key: 'bad_return', returnTo: 'later_stage' }),
      stage({ key: 'ghost_return', returnTo: 'nowhere' }),
      stage({ key: 'zero_quorum', rule: { type: 'quorum', min: 0 } }),
      stage({ key: 'bad_role', role: 'secretary' }),
      stage({ key: 'bad_scope', scope: 'grandparent' as StageDef['scope'] }),
      stage({ key: 'bad_kind', kind: 'vote' as StageDef['kind'] }),
      stage({ key: 'bad_rule', rule: { type: 'most' } }),
      stage({ key: 'later_stage' }),
      stage({ key: 'consolidation', kind: 'consolidation', role: 'consolidator', scope: 'parent' }),
    ];
    const res = await post(stages);
    const problems = expectProblems(res, [
      /first stage.*draft|draft.*first/i,
      /drafting.*(twice|duplicate|more than once|unique)/i,
      /bad_return.*returnTo|returnTo.*later_stage/i,
      /ghost_return.*(nowhere|returnTo)/i,
      /zero_quorum.*(quorum|min)/i,
      /bad_role.*role/i,
      /bad_scope.*scope/i,
      /bad_kind.*kind/i,
      /bad_rule.*rule/i,
      /consolidation.*root/i,
    ]);
    expect(problems.length).toBeGreaterThanOrEqual(10);
    expect(res.body.message).toEqual(expect.any(String));
    // Nothing was stored.
    expect((expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto).version).toBe(1);
  });

  it.each([
    ['duplicate stage keys', [draft, stage({ key: 'review' }), stage({ key: 'review' })], /review.*(twice|duplicate|unique)/i],
    ['a first stage that is not a draft', [stage({ key: 'review' }), draft], /first/i],
    ['returnTo a later stage', [draft, stage({ key: 'a', returnTo: 'b' }), stage({ key: 'b' })], /returnTo/i],
    ['returnTo itself', [draft, stage({ key: 'a', returnTo: 'a' })], /returnTo/i],
    ['returnTo an unknown stage', [draft, stage({ key: 'a', returnTo: 'zzz' })], /zzz|returnTo/i],
    ['a quorum of 0', [draft, stage({ key: 'a', rule: { type: 'quorum', min: 0 } })], /quorum|min/i],
    ['a quorum without min', [draft, stage({ key: 'a', rule: { type: 'quorum' } })], /quorum|min/i],
    ['an unknown role', [draft, stage({ key: 'a', role: 'chairman' })], /role/i],
    ['the admin role', [draft, stage({ key: 'a', role: 'admin' })], /role/i],
    ['an unknown scope', [draft, stage({ key: 'a', scope: 'sibling' as StageDef['scope'] })], /scope/i],
    ['an unknown kind', [draft, stage({ key: 'a', kind: 'poll' as StageDef['kind'] })], /kind/i],
    ['consolidation below the root', [draft, stage({ key: 'c', kind: 'consolidation', role: 'consolidator', scope: 'self' })], /root/i],
    ['a bad dueAfter', [draft, stage({ key: 'a', dueAfter: '10 ngày' })], /dueAfter/i],
    ['a bad reminder offset', [draft, stage({ key: 'a', reminders: { before: ['2 days'] } })], /reminders/i],
    ['a draft stage only', [draft], /exactly one consolidation stage/i],
    ['no consolidation stage', [draft, stage({ key: 'review' })], /exactly one consolidation stage/i],
    ['two consolidation stages', [draft, gather('first_gathering'), stage({ key: 'review' }), gather()], /exactly one consolidation stage, not 2/i],
    ['consolidation not last', [draft, gather(), stage({ key: 'late_review' })], /consolidation.*must be the last stage/i],
  ] as [string, StageDef[], RegExp][])('422 for %s, with the reason', async (_what, stages, reason) => {
    expectProblems(await post(stages), [reason]);
  });

  it('400 for wrong shapes and unknown fields, 404 for an unknown key or version', async () => {
    const cases: [string, () => ReturnType<Session['post']>, number | number[]][] = [
      ['stages not a list', () => admin.post('/api/workflows/tongket/versions').send({ stages: 'drafting' }), 400],
      ['no stages field', () => admin.post('/api/workflows/tongket/versions').send({}), 400],
      ['a stage without key', () => post([{ name: 'x', kind: 'draft', role: 'drafter', scope: 'self', rule: { type: 'any' } }]), 400],
      ['rule not an object', () => post([{ ...draft, rule: 'any' }]), 400],
      ['min not an integer', () => post([draft, stage({ key: 'a', rule: { type: 'quorum', min: 1.5 } })]), [400, 422]],
      ['an unknown field on a stage', () => post([{ ...draft, colour: 'đỏ' }]), 400],
      ['an unknown top-level field', () => admin.post('/api/workflows/tongket/versions').send({ stages: [draft], version: 7 }), 400],
      ['an empty list', () => post([]), [400, 422]],
      ['a key that is not a key', () => admin.post('/api/workflows/Tổng kết/versions'.replace(' ', '%20')).send({ stages: [draft] }), [400, 404]],
    ];
    const answers = [];
    for (const [what, send, status] of cases) {
      const res = await send();
      const allowed = Array.isArray(status) ? status : [status];
      answers.push({ what, ok: allowed.includes(res.status) && res.body?.statusCode === res.status, status: res.status });
    }
    expect(answers.filter((a) => !a.ok)).toEqual([]);

    expect((await admin.get('/api/workflows/tongket?version=99')).status).toBe(404);
    expect((await admin.get('/api/workflows/khong_co?version=1')).status).toBe(404);
    expect((await admin.get('/api/workflows/khong_co')).status).toBe(404);
    expect((await admin.get('/api/workflows/tongket?version=hai')).status).toBe(400);
    expect((expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto).version).toBe(1);
  });

  it('every consolidation problem of one definition is listed in one 422, with the others', async () => {
    const res = await post([stage({ key: 'review_first' }), gather('first_gathering'), draft, gather(), stage({ key: 'late_review', role: 'chairman' })]);
    expectProblems(res, [
      /first stage.*draft/i,
      /exactly one consolidation stage, not 2.*first_gathering.*consolidation/i,
      /first_gathering.*must be the last stage/i,
      /\(consolidation\).*must be the last stage/i,
      /late_review.*role/i,
    ]);
    expect((expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto).version).toBe(1);
  });

  it('a malformed body gets a 400 whose message names each wrong field', async () => {
    const { key: _noKey, ...withoutKey } = stage({ key: 'review' });
    const { rule: _noRule, ...withoutRule } = gather();
    const res = await post([draft, withoutKey, withoutRule]);
    expect(res.status).toBe(400);
    const messages = ([] as string[]).concat(res.body.message);
    expect(messages.some((m) => /stages\.1\.key/.test(m))).toBe(true);
    expect(messages.some((m) => /stages\.2\.rule/.test(m))).toBe(true);
    expect((expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto).version).toBe(1);
  });

  it('?version= must be a whole number from 1 to 2147483647: anything else is a 400, never a 500', async () => {
    const answers = [];
    for (const version of ['99999999999', '2147483648', '0', '-1', '', '1.5', '1e2', 'hai', '%20', '1&version=2']) {
      const res = await admin.get(`/api/workflows/tongket?version=${version}`);
      answers.push({ version, status: res.status, names: JSON.stringify(res.body).includes('version') });
    }
    expect(answers.filter((a) => a.status !== 400 || !a.names)).toEqual([]);
    // The largest int is a well-formed version that does not exist.
    expect((await admin.get('/api/workflows/tongket?version=2147483647')).status).toBe(404);
    expect(expectStatus(await admin.get('/api/workflows/tongket?version=1'), 200).body.version).toBe(1);
  });

  it('a sound definition becomes version 2 (with a stage’s own due date and reminders); both versions stay readable', async () => {
    const precheck: StageDef = { ...ORG_PRECHECK, dueAfter: 'P5D', reminders: { before: ['P1D', 'PT0S'], escalateAfter: 'P1D' } };
    const v2 = await createVersion(ctx, insertAfter(TONGKET_V1, 'committee_review', precheck));
    expect(v2).toMatchObject({ key: 'tongket', version: 2 });
    const read = expectStatus(await admin.get('/api/workflows/tongket?version=2'), 200).body as WorkflowDto;
    expect(read.stages.find((s) => s.key === 'org_precheck')).toEqual(expect.objectContaining(precheck));
    const v1 = expectStatus(await admin.get('/api/workflows/tongket?version=1'), 200).body as WorkflowDto;
    expect(v1.stages.map((s) => s.key)).toEqual(TONGKET_V1.map((s) => s.key));
    expect((expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto).version).toBe(2);
    // Another version of a new key starts at 1; the next of tongket is 3.
    expect((await createVersion(ctx, [draft, gather()], 'kiem_tra')).version).toBe(1);
  });

  it('versions are numbered one after another even when two admins save at once', async () => {
    const [a, b] = await Promise.all([post(TONGKET_V1, 'song_song'), post(TONGKET_V1, 'song_song')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.version, b.body.version].sort()).toEqual([1, 2]);
  });

  it('non-admins may read a workflow but not create or list versions', async () => {
    const reviewer = await session(ctx, 'btv.hung');
    expect((await reviewer.get('/api/workflows/tongket?version=1')).status).toBe(200);
    expect((await reviewer.post('/api/workflows/tongket/versions').send({ stages: TONGKET_V1 })).status).toBe(403);
    expect((await reviewer.get('/api/workflows/tongket/versions')).status).toBe(403);
    expect((expectStatus(await admin.get('/api/workflows/tongket'), 200).body as WorkflowDto).version).toBe(2);
  });

  it('pinning: the plan launched on v1 stays on v1; a plan launched now (even one created before) runs on v2', async () => {
    expect((await getPlan(ctx, onV1)).workflowVersion).toBe(1);
    expect((await listReports(ctx, onV1)).every((r) => r.workflowVersion === 1)).toBe(true);
    await launchPlan(ctx, createdOnV1);
    expect((await getPlan(ctx, createdOnV1)).workflowVersion).toBe(2);
    expect((await listReports(ctx, createdOnV1)).every((r) => r.workflowVersion === 2)).toBe(true);
  });

  it('a v1 report skips org_precheck; a v2 report passes through it, its tasks due after the stage’s own P5D', async () => {
    const old = (await reportsByUnit(ctx, onV1)).get('KBNN-KT')!.id;
    const fresh = (await reportsByUnit(ctx, createdOnV1)).get('KBNN-KT')!.id;
    await Promise.all([toCommitteeReview(ctx, fixture, 'KBNN-KT', old), toCommitteeReview(ctx, fixture, 'KBNN-KT', fresh)]);
    const bithu = await session(ctx, 'kbnn.bithu');
    await approve(bithu, old, 'committee_review');
    await approve(bithu, fresh, 'committee_review');
    await waitForStage(ctx, old, 'consolidation');
    await waitForStage(ctx, fresh, 'org_precheck');
    const entered = Date.now();
    const task = await openTask(await session(ctx, 'btv.mai'), fresh, 'org_precheck');
    const fiveDays = 5 * 24 * 3600 * 1000;
    expect(Math.abs(Date.parse(task.dueAt!) - entered - fiveDays)).toBeLessThan(60_000);
  });
});
