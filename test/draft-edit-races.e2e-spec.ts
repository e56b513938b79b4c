import { expectStatus, session, Session } from './support/api';
import { createPlan, fillReport, getReport, importFixture, launchPlan, reportsByUnit } from './support/factories';
import { E2eContext, startE2e, stopE2e } from './support/harness';

/**
 * A drafter's edit is one guarded statement written against the report as read: edits that race are
 * made again on what the other left (none is lost), and an edit racing a submission either lands
 * before it (and is in what was submitted) or is refused with 409, never after it.
 */
describe('drafters’ edits racing each other and a submission', () => {
  let ctx: E2eContext;
  let drafter: Session;

  beforeAll(async () => {
    ctx = await startE2e();
    await importFixture(ctx);
    drafter = await session(ctx, 'kbnn-kt.soanthao');
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  async function draftingReport(): Promise<string> {
    const plan = await createPlan(ctx);
    await launchPlan(ctx, plan.id);
    return (await reportsByUnit(ctx, plan.id)).get('KBNN-KT')!.id;
  }

  async function auditedEdits(reportId: string): Promise<number> {
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE report_id = $1 AND action = 'edit_section'`, [
      reportId,
    ]);
    return rows[0].n;
  }

  it('every item edited at once ends with every text, each edit audited once', async () => {
    const reportId = await draftingReport();
    const { sections } = await getReport(ctx, reportId);
    const answers = await Promise.all(
      sections.map((s) =>
        drafter.put(`/api/reports/${reportId}/sections/${s.key}`).send(Object.fromEntries(s.takes.map((part) => [part, `${s.key}/${part} at once`]))),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(sections.map(() => 200));
    const after = await getReport(ctx, reportId);
    for (const s of after.sections) for (const part of s.takes) expect(s[part]).toBe(`${s.key}/${part} at once`);
    expect(await auditedEdits(reportId)).toBe(sections.length);
  });

  it('edits racing a submission land before it, in what was submitted, or get 409', async () => {
    const reportId = await draftingReport();
    await fillReport(ctx, reportId, drafter);
    const { sections } = await getReport(ctx, reportId);
    const target = sections[0];
    const part = target.takes[0];
    const edits = Array.from({ length: 12 }, (_, i) => drafter.put(`/api/reports/${reportId}/sections/${target.key}`).send({ [part]: `lần sửa ${i}` }));
    const [submitted, ...answers] = await Promise.all([drafter.post(`/api/reports/${reportId}/submit`), ...edits]);
    expectStatus(submitted, 202, 'submit');
    for (const a of answers) expect([200, 409]).toContain(a.status);

    const { rows } = await ctx.db.query<{ sections: Record<string, Record<string, string>> }>(
      `SELECT sections FROM report_snapshots WHERE report_id = $1 ORDER BY seq DESC LIMIT 1`,
      [reportId],
    );
    const { rows: now } = await ctx.db.query<{ sections: Record<string, Record<string, string>> }>(`SELECT sections FROM reports WHERE id = $1`, [reportId]);
    // Nothing changed the content after the snapshot was taken.
    expect(now[0].sections).toEqual(rows[0].sections);
    const landed = answers.filter((a) => a.status === 200).length;
    expect(await auditedEdits(reportId)).toBe(sections.length + landed);
    // After the submission every edit is refused, saying why.
    const late = await drafter.put(`/api/reports/${reportId}/sections/${target.key}`).send({ [part]: 'quá muộn' });
    expect(late.status).toBe(409);
  });

  it('refusals still tell apart an unknown report, another unit’s drafter and a wrong item', async () => {
    const reportId = await draftingReport();
    const { sections } = await getReport(ctx, reportId);
    const body = { [sections[0].takes[0]]: 'x' };
    expect((await drafter.put(`/api/reports/00000000-0000-4000-8000-000000000000/sections/${sections[0].key}`).send(body)).status).toBe(404);
    const other = await session(ctx, 'kbnn.soanthao');
    expect((await other.put(`/api/reports/${reportId}/sections/${sections[0].key}`).send(body)).status).toBe(403);
    // A non-drafter hears 403 even for an item that does not exist: who may edit comes first.
    expect((await other.put(`/api/reports/${reportId}/sections/no-such-item`).send(body)).status).toBe(403);
    expect((await drafter.put(`/api/reports/${reportId}/sections/no-such-item`).send(body)).status).toBe(404);
    expect(await auditedEdits(reportId)).toBe(0);
  });
});
