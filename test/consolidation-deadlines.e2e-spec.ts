import { Queue } from 'bullmq';
import { Reconciler } from '../apps/worker/src/reconciler.service';
import { expectStatus, session } from './support/api';
import {
  childJobId,
  collectJobId,
  collections,
  consolidated,
  consolidationQueue,
  hanoiIn,
  jobState,
  notificationsOf,
  planEvents,
  waitForCollected,
} from './support/consolidation';
import {
  createPlan,
  events,
  fillReport,
  getReport,
  importFixture,
  launchPlan,
  reportsByUnit,
  sectionText,
  submitReport,
  waitForStage,
} from './support/factories';
import { Fixture, loadFixture, reportingUnits } from './support/fixture';
import { E2eContext, loseRedis, startE2e, stopE2e } from './support/harness';
import { figuresOf, fixtureToConsolidation, sum } from './support/plan-tasks';
import { Part, PlanDto, ReportDto } from './support/types';
import { reportTexts } from './support/level-report';
import { holdsFor, waitFor } from './kit/poll';

/**
 * The cut-off as a deadline: per level (an upper committee's own consolidation date), moved by an
 * administrator after the launch (PUT /api/plans/:id/deadlines "reschedules what has not fired yet",
 * domain.md), and kept through a Redis loss (the reconciler re-creates the flow from PostgreSQL).
 */
describe('consolidation cut-offs: per level, moved, and after a Redis loss', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let queue: Queue;
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();
  const figures = new Map(units.map((u, i) => [u, figuresOf(i)]));
  const ahead = () => hanoiIn(5 * 86_400_000);
  const dates = () => ({ drafting: ahead(), cell_approval: ahead(), committee_review: ahead() });
  const deadlinesWith = (consolidation: Record<string, string>) => ({
    cell: dates(),
    grassroots: dates(),
    upper: { ...dates(), ...(consolidation.upper ? { consolidation: consolidation.upper } : {}) },
    bloc: { consolidation: consolidation.bloc },
  });
  const newPlan = async (consolidation: Record<string, string>, consolidateAt?: string[]) => {
    const plan = await createPlan(ctx, {
      deadlines: deadlinesWith(consolidation),
      reminders: { before: ['P1D'] },
      ...(consolidateAt ? { consolidateAt } : {}),
    } as Record<string, unknown>);
    await launchPlan(ctx, plan.id);
    await waitFor(async () => (await collections(ctx, plan.id)).size > 0, { what: `collections of ${plan.code}` });
    return { plan, reports: await reportsByUnit(ctx, plan.id) };
  };
  const drive = (reports: Map<string, ReportDto>, unit: string) => fixtureToConsolidation(ctx, fixture, unit, reports.get(unit)!.id, figures.get(unit)!);
  const moveCutOff = async (plan: PlanDto, bloc: string) => {
    const admin = await session(ctx, 'admin');
    // The units' reports are due after the moved cut-off, as the test means them: confirmed.
    expectStatus(
      await admin.put(`/api/plans/${plan.id}/deadlines`).send({ deadlines: deadlinesWith({ bloc }), confirmDeadlines: true }),
      200,
      'move the cut-off',
    );
  };

  beforeAll(async () => {
    // A Redis loss here drops this file's keys only, whoever else uses the server.
    process.env.E2E_REDIS_LOSS = 'prefix';
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    queue = consolidationQueue(ctx);
  }, 60_000);

  afterAll(async () => {
    await queue?.close();
    await stopE2e(ctx);
  });

  describe('an upper committee’s own cut-off (deadlines.upper.consolidation), before the Bloc’s', () => {
    let plan: PlanDto;
    let reports: Map<string, ReportDto>;
    let upperCutOff: string;
    let blocCutOff: string;

    it('records each collection with its own level’s cut-off', async () => {
      // Time enough for four drives in parallel on a loaded machine before the cut-off.
      upperCutOff = hanoiIn(30_000);
      blocCutOff = hanoiIn(86_400_000);
      ({ plan, reports } = await newPlan({ upper: upperCutOff, bloc: blocCutOff }, ['bloc', 'upper']));
      const rows = await collections(ctx, plan.id);
      expect([...rows.keys()]).toEqual(['DUK', 'HLHPN', 'KBNN']);
      expect(new Date(rows.get('KBNN')!.cut_off_at!).getTime()).toBe(Date.parse(upperCutOff));
      expect(new Date(rows.get('HLHPN')!.cut_off_at!).getTime()).toBe(Date.parse(upperCutOff));
      expect(new Date(rows.get('DUK')!.cut_off_at!).getTime()).toBe(Date.parse(blocCutOff));
    });

    it('KBNN’s drafter cannot send its report up before KBNN’s collection is complete: 422 naming the cells it waits for', async () => {
      const kbnnDrafter = await session(ctx, 'kbnn.soanthao');
      await fillReport(ctx, reports.get('KBNN')!.id, kbnnDrafter);
      const early = await kbnnDrafter.post(`/api/reports/${reports.get('KBNN')!.id}/submit`);
      expect(early.status).toBe(422);
      expect(early.body.message).toContain('KBNN consolidates the reports below it');
      expect(early.body.waitingFor).toEqual(['KBNN-KT', 'KBNN-TT', 'KBNN-VP']);
      expect(early.body.waitingForCount).toBe(3);
      const report = await getReport(ctx, reports.get('KBNN')!.id);
      expect(report.stage).toBe('drafting');
      expect((await events(ctx, report.id)).filter((e) => e.action === 'submit')).toEqual([]);
    });

    it('KBNN, all three cells approved, collects at once; HLHPN, one cell still drafting, waits', async () => {
      await Promise.all(['KBNN-KT', 'KBNN-TT', 'KBNN-VP', 'HLHPN-TC'].map((u) => drive(reports, u)));
      expect(Date.now()).toBeLessThan(Date.parse(upperCutOff) - 500);
      const kbnn = await waitForCollected(ctx, plan.id, 'KBNN');
      expect(kbnn.missing).toEqual([]);
      expect(kbnn.indicators).toEqual(sum(['KBNN-KT', 'KBNN-TT', 'KBNN-VP'].map((u) => figures.get(u)!)));
      expect((await collections(ctx, plan.id)).get('HLHPN')!.status).toBe('collecting');
    });

    it('KBNN’s report, still in drafting, keeps its drafter’s texts and gets its cells’ figures; then it can be submitted', async () => {
      const kbnn = await getReport(ctx, reports.get('KBNN')!.id);
      expect(kbnn.stage).toBe('drafting');
      // Parts the drafter wrote are not overwritten; the figures nobody entered are the cells' sums.
      for (const section of kbnn.sections) for (const [part, text] of reportTexts(section)) expect(text).toBe(sectionText('KBNN', section.key, part as Part));
      expect(kbnn.indicators).toEqual(sum(['KBNN-KT', 'KBNN-TT', 'KBNN-VP'].map((u) => figures.get(u)!)));
      expect((await events(ctx, kbnn.id)).filter((e) => e.action === 'prefill')).toHaveLength(1);
      await submitReport(kbnn.id, await session(ctx, 'kbnn.soanthao'));
      await waitForStage(ctx, kbnn.id, 'cell_approval');
    });

    it('at the upper cut-off HLHPN collects without HLHPN-TG and pre-fills its report from HLHPN-TC alone; the Bloc keeps collecting', async () => {
      const row = await waitForCollected(ctx, plan.id, 'HLHPN', 40_000);
      expect(new Date(row.collected_at!).getTime()).toBeGreaterThanOrEqual(Date.parse(upperCutOff) - 100);
      expect(row.missing).toEqual(['HLHPN-TG']);
      expect(row.included).toEqual([reports.get('HLHPN-TC')!.id]);
      const comments = (await planEvents(ctx, plan.id, 'consolidation.collected')).map((e) => [(e.data as { unitCode: string }).unitCode, e.comment]);
      expect(comments).toEqual([
        ['KBNN', 'Đã đủ báo cáo'],
        ['HLHPN', 'Còn thiếu báo cáo của: HLHPN-TG'],
      ]);

      const hlhpn = await getReport(ctx, reports.get('HLHPN')!.id);
      expect(hlhpn.stage).toBe('drafting');
      for (const section of hlhpn.sections) {
        // Cited by name, never by code (the text itself names its unit's code, as sectionText writes it).
        for (const [part, text] of reportTexts(section)) expect(text).toBe(`Chi bộ Ban Tổ chức: ${sectionText('HLHPN-TC', section.key, part as Part)}`);
      }
      expect(hlhpn.indicators).toEqual(figures.get('HLHPN-TC'));
      expect((await events(ctx, hlhpn.id)).filter((e) => e.action === 'prefill')).toHaveLength(1);
      expect((await collections(ctx, plan.id)).get('DUK')!.status).toBe('collecting');
      // An intermediate collection is the committee's business: the Bloc's working group hears nothing of it.
      const told = (await notificationsOf(await session(ctx, 'tgv.lan'), 'consolidation')).filter((n) => n.title.includes(plan.code));
      expect(told).toEqual([]);
    });

    it('HLHPN-TG, missing at HLHPN’s cut-off, is missing from the Bloc’s report too, even once approved', async () => {
      await drive(reports, 'HLHPN-TG');
      const c = await consolidated(ctx, plan.id);
      expect(c.missing).toContain('HLHPN-TG');
      expect(c.completeness.rows.find((r) => r.unitCode === 'HLHPN-TG')).toMatchObject({ unitName: 'Chi bộ Ban Tuyên giáo', status: 'missing' });
      // Not a member of the Bloc's own group: carried up from HLHPN's collection.
      expect(c.completeness.rows.map((r) => r.unitCode)).not.toContain('KBNN-KT');
      expect(c.completeness.summary.units).toBe(6);
    });
  });

  describe('Redis lost while collecting', () => {
    let plan: PlanDto;
    let reports: Map<string, ReportDto>;
    let dukId: string;

    it('the reconciler re-creates the flow from PostgreSQL: approved reports count at once, the missing one waits', async () => {
      ({ plan, reports } = await newPlan({ bloc: hanoiIn(86_400_000) }));
      dukId = (await ctx.db.query<{ id: string }>(`SELECT id FROM org_units WHERE code = 'DUK'`)).rows[0].id;
      await Promise.all(units.filter((u) => u !== 'BVNN-NGOAI').map((u) => drive(reports, u)));
      expect(await loseRedis(ctx)).toBe('prefix');
      expect(await jobState(queue, collectJobId(plan.id, dukId))).toBe('absent');
      await ctx.worker.get(Reconciler, { strict: false }).reconcile(0);
      await waitFor(async () => (await jobState(queue, collectJobId(plan.id, dukId))) === 'waiting-children', { what: 'flow re-created' });
      expect(await jobState(queue, childJobId(plan.id, reports.get('BVNN-NGOAI')!.id))).toBe('delayed');
      expect((await collections(ctx, plan.id)).get('DUK')!.status).toBe('collecting');
    });

    it('the last approval then completes the collection with nothing missing', async () => {
      await drive(reports, 'BVNN-NGOAI');
      const row = await waitForCollected(ctx, plan.id, 'DUK');
      expect(row.missing).toEqual([]);
      expect(row.included).toHaveLength(10);
      expect(await planEvents(ctx, plan.id, 'consolidation.collected')).toHaveLength(1);
    });
  });

  describe('the Bloc’s cut-off moved after the launch (PUT /api/plans/:id/deadlines)', () => {
    it('moved earlier: the collection completes at the new cut-off, naming who is missing', async () => {
      const { plan, reports } = await newPlan({ bloc: hanoiIn(86_400_000) });
      await drive(reports, 'KBNN-KT');
      const newCutOff = hanoiIn(3_000);
      await moveCutOff(plan, newCutOff);
      const row = await waitForCollected(ctx, plan.id, 'DUK', 30_000).catch(async (error: Error) => {
        const now = (await collections(ctx, plan.id)).get('DUK')!;
        throw new Error(
          `${error.message}; the row still has cut_off_at ${new Date(now.cut_off_at!).toISOString()} (moved to ${new Date(Date.parse(newCutOff)).toISOString()})`,
        );
      });
      expect(new Date(row.cut_off_at!).getTime()).toBe(Date.parse(newCutOff));
      expect(new Date(row.collected_at!).getTime()).toBeGreaterThanOrEqual(Date.parse(newCutOff) - 100);
      expect([...row.missing].sort()).toEqual(units.filter((u) => u !== 'KBNN-KT'));
    });

    it('moved later: nothing is collected at the old cut-off', async () => {
      // Time enough to launch the plan and move the cut-off before the old one passes on a loaded machine.
      const oldCutOff = hanoiIn(10_000);
      const { plan } = await newPlan({ bloc: oldCutOff });
      const newCutOff = hanoiIn(86_400_000);
      await moveCutOff(plan, newCutOff);
      // Still collecting through the old cut-off and well after it.
      let last = '';
      await holdsFor(
        async () => {
          const row = (await collections(ctx, plan.id)).get('DUK')!;
          last = `${row.status} at ${row.collected_at ? new Date(row.collected_at).toISOString() : '-'}, missing ${JSON.stringify(row.missing).slice(0, 100)}`;
          return row.status === 'collecting';
        },
        { forMs: Date.parse(oldCutOff) + 2_000 - Date.now(), what: `DUK collecting past the old cut-off ${new Date(Date.parse(oldCutOff)).toISOString()}` },
      ).catch((error: Error) => {
        throw new Error(`${error.message}: ${last}`);
      });
      const row = (await collections(ctx, plan.id)).get('DUK')!;
      expect(new Date(row.cut_off_at!).toISOString()).toBe(new Date(Date.parse(newCutOff)).toISOString());
    });
  });
});
