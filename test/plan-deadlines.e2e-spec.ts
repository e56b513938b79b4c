import { expectStatus, session, Session } from './support/api';
import { importFixture } from './support/factories';
import { Fixture } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { PlanDto } from './support/types';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.now() + days * DAY).toISOString();
/** A table in the order the work happens in, starting in a month. */
const ordered = () => ({
  cell: { drafting: at(30), cell_approval: at(35), committee_review: at(40) },
  grassroots: { drafting: at(45), cell_approval: at(50), committee_review: at(55) },
  upper: { drafting: at(60), cell_approval: at(65), committee_review: at(70) },
  bloc: { collection: at(80), consolidation: at(90) },
});

interface Refusal {
  statusCode: number;
  message: string;
  deadlineProblems: { field: string; problem: 'past' | 'order'; message: string }[];
}

/**
 * A plan's deadlines in the past or out of order are refused at creation with the field named, in
 * Vietnamese, and accepted with an explicit confirmation; an edit of the deadlines checks the order
 * the same way but keeps passed dates (a running plan).
 */
describe('plan deadlines: past or out of order, refused naming the field unless confirmed', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let admin: Session;
  let serial = 0;
  const body = (deadlines: object, extra: object = {}) => ({ ...fixture.plan, code: `HAN-${++serial}/ĐUK`, deadlines, ...extra });
  const plansWith = async (code: string) => (await ctx.db.query(`SELECT 1 FROM plans WHERE code = $1`, [code])).rows.length;

  /** POSTs the plan, expects 400 naming exactly these fields, and that nothing was created. */
  const refusedAt = async (deadlines: object, fields: string[], extra: object = {}): Promise<Refusal> => {
    const plan = body(deadlines, extra);
    const res = expectStatus(await admin.post('/api/plans').send(plan), 400, `create with ${fields.join(', ')}`);
    const refusal = res.body as Refusal;
    expect(refusal.deadlineProblems.map((p) => p.field).sort()).toEqual([...fields].sort());
    for (const field of fields) expect(refusal.message).toContain(field);
    expect(refusal.message).toContain('confirmDeadlines');
    expect(await plansWith(plan.code)).toBe(0);
    return refusal;
  };

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    admin = await session(ctx, 'admin');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('refuses the sample’s historical plan (2019) naming every past deadline, and creates it when confirmed, auditing the confirmation', async () => {
    const past = Object.entries(fixture.plan.deadlines).flatMap(([kind, stages]) => Object.keys(stages ?? {}).map((stage) => `deadlines.${kind}.${stage}`));
    const refusal = await refusedAt(fixture.plan.deadlines, past);
    expect(refusal.deadlineProblems.every((p) => p.problem === 'past')).toBe(true);
    expect(refusal.deadlineProblems.find((p) => p.field === 'deadlines.cell.drafting')!.message).toBe(
      'deadlines.cell.drafting: thời hạn 10/07/2019 17:00 (giờ Hà Nội) đã qua',
    );
    expect(refusal.message).toMatch(/^Thời hạn chưa hợp lệ: /);

    const created = expectStatus(await admin.post('/api/plans').send(body(fixture.plan.deadlines, { confirmDeadlines: true })), 201).body as PlanDto;
    const { rows } = await ctx.db.query<{ data: { deadlinesConfirmed: string[] } }>(
      `SELECT data FROM audit_events WHERE action = 'plan.create' AND plan_id = $1`,
      [created.id],
    );
    expect(rows[0].data.deadlinesConfirmed.sort()).toEqual(past.sort());
  });

  it('creates a plan whose deadlines are ahead and in order without any confirmation', async () => {
    expectStatus(await admin.post('/api/plans').send(body(ordered())), 201);
  });

  it('refuses a later stage due before an earlier one of the same level, naming the later', async () => {
    const d = ordered();
    d.upper.committee_review = at(62);
    const refusal = await refusedAt(d, ['deadlines.upper.committee_review']);
    expect(refusal.deadlineProblems[0]).toMatchObject({ problem: 'order' });
    expect(refusal.deadlineProblems[0].message).toContain('sớm hơn bước trước đó "Ban Thường vụ thông qua"');
    expectStatus(await admin.post('/api/plans').send(body(d, { confirmDeadlines: true })), 201);
  });

  it('refuses a data cut-off after the consolidation deadline', async () => {
    const d = ordered();
    d.bloc.collection = at(95);
    const [problem] = (await refusedAt(d, ['deadlines.bloc.collection'])).deadlineProblems;
    expect(problem.message).toMatch(/^deadlines\.bloc\.collection: chốt số liệu .* sau hạn tổng hợp /);
    expectStatus(await admin.post('/api/plans').send(body(d, { confirmDeadlines: true })), 201);
  });

  it('refuses a lower level due after the same stage of a level that consolidates it, only when the plan has that level consolidate', async () => {
    const d = ordered();
    d.cell = { drafting: at(61), cell_approval: at(62), committee_review: at(63) };
    // Only the root consolidates: the cells' report does not feed the upper committees' own.
    expectStatus(await admin.post('/api/plans').send(body(d)), 201);
    const refusal = await refusedAt(d, ['deadlines.cell.drafting'], { consolidateAt: ['upper'] });
    expect(refusal.deadlineProblems[0].message).toContain('muộn hơn Đảng bộ cấp trên cơ sở');
    expectStatus(await admin.post('/api/plans').send(body(d, { consolidateAt: ['upper'], confirmDeadlines: true })), 201);
  });

  it('refuses a report stage due after the root’s data cut-off', async () => {
    const d = ordered();
    d.bloc.collection = at(69);
    await refusedAt(d, ['deadlines.upper.committee_review']);
  });

  it('an edit of the deadlines keeps passed dates (a running plan) but refuses an order out of place unless confirmed', async () => {
    const plan = expectStatus(await admin.post('/api/plans').send(body(ordered())), 201).body as PlanDto;
    const edited = { ...ordered(), cell: { drafting: at(-3), cell_approval: at(-1), committee_review: at(40) } };
    expectStatus(await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: edited }), 200, 'passed dates in order');

    const outOfOrder = { ...edited, cell: { ...edited.cell, committee_review: at(-2) } };
    const res = expectStatus(await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: outOfOrder }), 400, 'out of order');
    expect((res.body as Refusal).deadlineProblems.map((p) => p.field)).toEqual(['deadlines.cell.committee_review']);
    const stored = expectStatus(await admin.get(`/api/plans/${plan.id}`), 200).body as { deadlines: ReturnType<typeof ordered> };
    expect(Date.parse(stored.deadlines.cell.committee_review)).toBe(Date.parse(edited.cell.committee_review));

    expectStatus(await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: outOfOrder, confirmDeadlines: true }), 200, 'confirmed');
    const { rows } = await ctx.db.query<{ data: { deadlinesConfirmed?: string[] } }>(
      `SELECT data FROM audit_events WHERE action = 'plan.deadlines' AND plan_id = $1 ORDER BY id`,
      [plan.id],
    );
    expect(rows.map((r) => r.data.deadlinesConfirmed ?? [])).toEqual([[], ['deadlines.cell.committee_review']]);
  });

  it('refuses a confirmation that is not a boolean, as any malformed field', async () => {
    const res = expectStatus(await admin.post('/api/plans').send(body(ordered(), { confirmDeadlines: 'có' })), 400);
    expect(JSON.stringify(res.body.message)).toContain('confirmDeadlines');
  });
});
