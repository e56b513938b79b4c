import { expectStatus, session } from './support/api';
import {
  approve,
  completeTask,
  createPlan,
  events,
  fillReport,
  getPlan,
  getReport,
  importFixture,
  launchPlan,
  listReports,
  openTask,
  sectionText,
  submitReport,
  tasksOf,
  waitForStage,
} from './support/factories';
import { Fixture, holders, loadFixture, parentOf, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { ConsolidatedDto, PlanDto, ProgressDto, ReportDto, TEXT_PARTS } from './support/types';
import { waitFor } from './kit/poll';
import { expectInOrder } from './support/audit';

const STAGES = ['drafting', 'cell_approval', 'committee_review', 'consolidation', 'done'];

// Kept in decomposed form (NFD) on purpose: "kept exactly as sent" means no normalisation either.
const NFD_TEXT = 'Ưu điểm nổi bật: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'.normalize('NFD');

describe('the whole cycle of plan 144-KH/ĐUK, every report from drafting to done', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();
  const indicatorsOf = (i: number) => ({
    resolutions_issued: i + 1,
    directives_issued: i,
    members_admitted: 3 * (i + 1),
    members_disciplined: i % 2,
    cells_rated_excellent: 2,
    collaborators: 5 + i,
    lecturers: 1,
  });

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const drafterOf = (unit: string) => session(ctx, holders(fixture, unit, 'drafter')[0]);
  const progress = async (): Promise<ProgressDto> =>
    expectStatus(await (await session(ctx, 'admin')).get(`/api/plans/${plan.id}/progress`), 200).body as ProgressDto;
  const expectAllIn = async (stage: string) => {
    await Promise.all([...reports.values()].map((r) => waitForStage(ctx, r.id, stage, 15_000)));
  };

  it('launches the fixture plan: one report per unit under DUK, each in drafting', async () => {
    plan = await createPlan(ctx, { code: fixture.plan.code });
    expect(plan.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(plan.code).toBe('144-KH/ĐUK');
    expect(plan.status).toBe('draft');

    // 202 {reports}: one per unit under the root, each in its first stage with its tasks.
    const launched = (await launchPlan(ctx, plan.id)) as {
      status: string;
      reports: {
        id: string;
        unitCode: string;
        stage: string;
        workflowVersion: number;
        tasks: { assignee: string; kind: string; state: string; dueAt: string }[];
      }[];
    };
    expect(launched.status).toBe('launched');
    expect(launched.reports.map((r) => r.unitCode).sort()).toEqual(units);
    for (const report of launched.reports) {
      expect(report).toMatchObject({ stage: 'drafting', workflowVersion: 1 });
      expect(report.tasks.length).toBeGreaterThan(0);
      expect(report.tasks.every((t) => t.kind === 'draft' && t.state === 'open' && /\+07:00$/.test(t.dueAt))).toBe(true);
    }
    expect(launched.reports.find((r) => r.unitCode === 'KBNN-KT')!.tasks.map((t) => t.assignee)).toEqual(['kbnn-kt.soanthao']);

    const list = await listReports(ctx, plan.id);
    expect(list.map((r) => r.unitCode).sort()).toEqual(units);
    expect(list.map((r) => r.unitCode)).not.toContain('DUK');
    for (const report of list) {
      expect(report.stage).toBe('drafting');
      expect(report.planId).toBe(plan.id);
      expect(report.returnedCount).toBe(0);
    }
    reports = new Map(list.map((r) => [r.unitCode, r]));
  });

  it('gives every drafter one open draft task on their unit’s report, due at the plan’s date for that level', async () => {
    for (const unit of units) {
      const drafter = await drafterOf(unit);
      const mine = (await tasksOf(drafter)).filter((t) => t.reportId === reports.get(unit)!.id);
      expect({ unit, tasks: mine.map((t) => [t.stage, t.kind, t.state, t.unitCode]) }).toEqual({ unit, tasks: [['drafting', 'draft', 'open', unit]] });
    }
    const kt = (await tasksOf(await drafterOf('KBNN-KT'))).find((t) => t.reportId === reports.get('KBNN-KT')!.id)!;
    expect(new Date(kt.dueAt!).toISOString()).toBe('2019-07-10T10:00:00.000Z');
  });

  it('before anything is approved the consolidated report includes nothing and names every unit missing', async () => {
    const admin = await session(ctx, 'admin');
    const c = expectStatus(await admin.get(`/api/plans/${plan.id}/consolidated`), 200).body as ConsolidatedDto;
    expect(c.unitCode).toBe('DUK');
    expect(c.included).toEqual([]);
    expect([...c.missing].sort()).toEqual(units);
  });

  it('reports progress per stage and per unit, with the per-level due dates of the plan', async () => {
    const p = await progress();
    expect(p.total).toBe(units.length);
    expect(p.byStage.drafting).toBe(units.length);
    expect(Object.values(p.byStage).reduce((a, b) => a + b, 0)).toBe(units.length);
    expect(p.units.map((u) => u.unitCode).sort()).toEqual(units);
    for (const u of p.units) {
      expect(u.reportId).toBe(reports.get(u.unitCode)!.id);
      expect(u.stage).toBe('drafting');
    }
    // A cell's drafting is due 2019-07-10 17:00 Hà Nội time; an upper committee's 2019-08-15.
    const kt = p.units.find((u) => u.unitCode === 'KBNN-KT')!;
    expect(new Date(kt.dueAt!).toISOString()).toBe('2019-07-10T10:00:00.000Z');
    const kbnn = p.units.find((u) => u.unitCode === 'KBNN')!;
    expect(new Date(kbnn.dueAt!).toISOString()).toBe('2019-08-15T10:00:00.000Z');
    // The sample's dates are in 2019: every drafting is overdue now.
    expect(p.overdue).toBe(units.length);
    expect(p.units.every((u) => u.overdue === true)).toBe(true);
  });

  it('drafters fill every section and the figures, then submit: every report reaches cell_approval', async () => {
    await Promise.all(
      units.map(async (unit, i) => {
        const drafter = await drafterOf(unit);
        const reportId = reports.get(unit)!.id;
        await fillReport(ctx, reportId, drafter, (key, part) => (unit === 'KBNN-KT' && key === 'ethics' && part === 'strengths' ? NFD_TEXT : undefined));
        expectStatus(await drafter.put(`/api/reports/${reportId}/indicators`).send(indicatorsOf(i)), 200, `indicators ${unit}`);
        await submitReport(reportId, drafter);
      }),
    );
    await expectAllIn('cell_approval');

    const kt = await getReport(ctx, reports.get('KBNN-KT')!.id);
    const ethics = kt.sections.find((s) => s.key === 'ethics')!;
    expect(ethics.strengths).toBe(NFD_TEXT);
    expect(ethics.limitations).toBe(sectionText('KBNN-KT', 'ethics', 'limitations'));
    expect(kt.indicators).toEqual(indicatorsOf(units.indexOf('KBNN-KT')));

    const p = await progress();
    expect(p.byStage.cell_approval).toBe(units.length);
    // Submitting completed the drafter's task.
    const drafter = await drafterOf('KBNN-KT');
    expect((await tasksOf(drafter)).filter((t) => t.reportId === kt.id)).toEqual([]);
    expect((await tasksOf(drafter, 'completed')).filter((t) => t.reportId === kt.id).map((t) => t.stage)).toEqual(['drafting']);
  });

  it('every approver of each unit approves (majority of its own committee): on to committee_review', async () => {
    await Promise.all(
      units.map(async (unit) => {
        for (const username of holders(fixture, unit, 'approver')) {
          await approve(await session(ctx, username), reports.get(unit)!.id, 'cell_approval');
        }
      }),
    );
    await expectAllIn('committee_review');
  });

  it('one reviewer of the parent approves (rule any): on to consolidation, the other reviewer’s task is cancelled', async () => {
    const acted = new Map<string, string>();
    await Promise.all(
      units.map(async (unit) => {
        const reviewer = holders(fixture, parentOf(fixture, unit), 'reviewer')[0];
        acted.set(unit, reviewer);
        await approve(await session(ctx, reviewer), reports.get(unit)!.id, 'committee_review');
      }),
    );
    await expectAllIn('consolidation');

    // KBNN's report was reviewed by DUK's btv.hung; btv.mai's task on it is now cancelled.
    expect(acted.get('KBNN')).toBe('btv.hung');
    const mai = await session(ctx, 'btv.mai');
    await waitFor(
      async () => {
        const cancelled = await tasksOf(mai, 'cancelled');
        return ['KBNN', 'BVNN', 'HLHPN'].every((u) => cancelled.some((t) => t.reportId === reports.get(u)!.id && t.stage === 'committee_review'));
      },
      { what: 'btv.mai’s committee_review tasks cancelled' },
    );
    expect((await tasksOf(mai)).filter((t) => t.stage === 'committee_review')).toEqual([]);

    const p = await progress();
    expect(p.byStage.consolidation).toBe(units.length);
  });

  it('the root’s consolidator holds ONE task for the plan; approving it moves every report to done', async () => {
    const lan = await session(ctx, 'tgv.lan');
    const task = await openTask(lan, null, 'consolidation');
    const open = await tasksOf(lan);
    expect(open).toHaveLength(1);
    expect(task).toMatchObject({ reportId: null, kind: 'consolidation', stage: 'consolidation', state: 'open', unitCode: 'DUK' });

    expectStatus(await completeTask(lan, task.id, 'approve'), 202, 'consolidation');
    await expectAllIn('done');
    expect(await tasksOf(lan)).toEqual([]);
  });

  it('the consolidated report goes to the Standing Committee (DUK reviewers) and their majority completes the plan', async () => {
    const [hung, mai] = await Promise.all([session(ctx, 'btv.hung'), session(ctx, 'btv.mai')]);
    const first = await openTask(hung, null, 'root_approval');
    expect(first).toMatchObject({ reportId: null, kind: 'approval', stage: 'root_approval', unitCode: 'DUK' });
    expectStatus(await completeTask(hung, first.id, 'approve'), 202, 'root approval by btv.hung');
    // Majority of two is both: the plan is not done on one approval.
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'launched' && (await tasksOf(hung)).length === 0, { what: 'first approval applied' });
    expect((await getPlan(ctx, plan.id)).status).toBe('launched');
    const second = await openTask(mai, null, 'root_approval');
    expectStatus(await completeTask(mai, second.id, 'approve'), 202, 'root approval by btv.mai');
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed' });
  });

  it('progress shows every unit done and nothing overdue', async () => {
    const p = await progress();
    expect(p.total).toBe(units.length);
    expect(p.byStage.done).toBe(units.length);
    expect(Object.values(p.byStage).reduce((a, b) => a + b, 0)).toBe(units.length);
    expect(p.units.every((u) => u.stage === 'done')).toBe(true);
    expect(p.units.filter((u) => u.overdue).map((u) => u.unitCode)).toEqual([]);
    expect(p.overdue).toBe(0);
  });

  it('the consolidated report includes every report, sums the figures and attributes every text', async () => {
    const admin = await session(ctx, 'admin');
    const c = expectStatus(await admin.get(`/api/plans/${plan.id}/consolidated`), 200).body as ConsolidatedDto;
    expect(c.unitCode).toBe('DUK');
    expect([...c.included].sort()).toEqual([...reports.values()].map((r) => r.id).sort());
    expect(c.missing).toEqual([]);

    const expected: Record<string, number> = {};
    units.forEach((_, i) => Object.entries(indicatorsOf(i)).forEach(([k, v]) => (expected[k] = (expected[k] ?? 0) + v)));
    expect(c.indicators).toEqual(expected);

    const outline = (await getPlan(ctx, plan.id)).outline ?? (await getReport(ctx, reports.get('KBNN')!.id)).sections;
    expect(c.sections.map((s) => s.key)).toEqual(outline.map((s) => s.key));
    expect(c.sections.map((s) => s.title)).toEqual(outline.map((s) => s.title));
    // The đề cương: I the situation, II the ten areas, III assessment and lessons, IV directions, V proposals.
    expect(c.sections.map((s) => s.part)).toEqual(['I', ...Array(10).fill('II'), 'III', 'III', 'IV', 'V']);
    expect(c.sections[1].title).toBe('Xây dựng Đảng về chính trị (cụ thể hóa nghị quyết, chương trình hành động)');
    const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
    for (const section of c.sections) {
      expect(section.takes).toEqual(section.part === 'II' ? ['strengths', 'limitations', 'causes'] : ['text']);
      for (const part of TEXT_PARTS) {
        const texts = section.parts[part];
        expect({ key: section.key, part, units: texts.map((t) => t.unitCode).sort() }).toEqual({
          key: section.key,
          part,
          units: section.takes.includes(part) ? units : [],
        });
        for (const { unitCode, unitName, text } of texts) {
          const sent = unitCode === 'KBNN-KT' && section.key === 'ethics' && part === 'strengths' ? NFD_TEXT : sectionText(unitCode, section.key, part);
          expect(text).toBe(sent);
          expect(unitName).toBe(nameOf(unitCode));
        }
      }
    }
  });

  it('the audit trail of a report tells the cycle in order, one transition per stage change', async () => {
    for (const [unit, report] of reports) {
      const trail = await events(ctx, report.id);
      const transitions = trail.filter((e) => e.action === 'transition');
      expect({ unit, transitions: transitions.map((e) => [e.fromStage, e.toStage]) }).toEqual({
        unit,
        transitions: STAGES.slice(0, -1).map((stage, i) => [stage, STAGES[i + 1]]),
      });
      const times = trail.map((e) => Date.parse(e.at));
      expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    }

    const trail = await events(ctx, reports.get('KBNN-KT')!.id);
    expect(trail[0].action).toBe('launch');
    expect(trail.filter((e) => e.action === 'edit_section')).toHaveLength(15);
    expect(trail.filter((e) => e.action === 'edit_indicators')).toHaveLength(1);
    expectInOrder(trail, [
      { action: 'launch' },
      { action: 'edit_section', actor: 'kbnn-kt.soanthao' },
      { action: 'edit_indicators', actor: 'kbnn-kt.soanthao' },
      { action: 'submit', actor: 'kbnn-kt.soanthao' },
      { action: 'transition', fromStage: 'drafting', toStage: 'cell_approval' },
      { action: 'approve' },
      { action: 'approve' },
      { action: 'transition', fromStage: 'cell_approval', toStage: 'committee_review' },
      { action: 'approve', actor: 'kbnn.bithu' },
      { action: 'transition', fromStage: 'committee_review', toStage: 'consolidation' },
      { action: 'transition', fromStage: 'consolidation', toStage: 'done' },
    ]);
    // Approvals by the two cell approvers both come between the two transitions (in either order).
    const i1 = trail.findIndex((e) => e.action === 'transition' && e.toStage === 'cell_approval');
    const i2 = trail.findIndex((e) => e.action === 'transition' && e.toStage === 'committee_review');
    expect(
      trail
        .slice(i1, i2)
        .filter((e) => e.action === 'approve')
        .map((e) => e.actor)
        .sort(),
    ).toEqual(['kbnn-kt.bithu', 'kbnn-kt.capuy']);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'transition', toStage: 'done' });
  });
});
