import { expectStatus, session, Session } from './support/api';
import { aheadPlan } from './support/ahead-plan';
import { consolidated } from './support/consolidation';
import { fillReport, getPlan, getReport, importFixture, launchPlan, reportsByUnit, sectionText, submitReport, waitForStage } from './support/factories';
import { Fixture, holders, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { fixtureToConsolidation } from './support/plan-tasks';
import { PARTS, PlanDto, ReportDto, TEXT_PARTS } from './support/types';

const ONE_TEXT_ITEMS = ['context', 'overall_assessment', 'lessons_learned', 'next_term', 'proposals'];

/**
 * The đề cương as a plan's outline and the appendix as typed figures: a new plan gets parts I–V
 * (one text, or an area's strengths, limitations and causes) and the term's whole appendix; an edit
 * is refused when it sends a text the item does not take or a figure of the wrong kind, naming
 * each; the submit names the one-text items still empty; the consolidation carries the one texts
 * with each unit's name, and adds the figures up as the domain page asks (blank is not 0,
 * percentages recomputed). A plan given the earlier five-part outline keeps working as before.
 */
describe('the outline as the đề cương has it, and figures as the Party reports them', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let drafter: Session;
  const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
  const reportOf = (unit: string) => reports.get(unit)!.id;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    plan = await aheadPlan(ctx);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    drafter = await session(ctx, holders(fixture, 'KBNN-KT', 'drafter')[0]);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('a new plan has parts I–V with guidance, and the definitions and tables of the term’s appendix', async () => {
    const got = await getPlan(ctx, plan.id);
    expect(got.outline!.map((s) => s.part)).toEqual(['I', ...Array(10).fill('II'), 'III', 'III', 'IV', 'V']);
    expect(got.outline!.filter((s) => s.part !== 'II').map((s) => s.key)).toEqual(ONE_TEXT_ITEMS);
    expect(got.outline!.every((s) => typeof s.guidance === 'string' && s.guidance.length > 20)).toBe(true);
    expect(got.indicatorGroups!.map((g) => g.key)).toEqual([
      'organisations',
      'admissions',
      'ratings_2015',
      'ratings_2016',
      'ratings_2017',
      'ratings_2018',
      'ratings_2019',
      'ratings_2020',
      'inspection',
      'example',
      'general',
    ]);
    expect(got.indicatorNames).toEqual(got.indicatorDefinitions!.map((d) => d.key));
    expect(got.indicatorDefinitions!.find((d) => d.key === 'example_orgs_percent')).toMatchObject({
      kind: 'percent',
      unit: '%',
      group: 'example',
      derivedFrom: { numerator: 'example_orgs_committed', denominator: 'example_orgs_total' },
    });
    expect(got.indicatorDefinitions!.find((d) => d.key === 'members_start')).toMatchObject({
      kind: 'count',
      unit: 'đảng viên',
      label: 'Đảng viên đầu nhiệm kỳ',
    });
  });

  it('refuses an outline whose items take unknown, repeated or no texts, sit outside I–V, or carry a guidance too long', async () => {
    const admin = await session(ctx, 'admin');
    const item = { key: 'context', title: 'Đặc điểm tình hình', required: true, part: 'I', takes: ['text'], guidance: 'Nêu ngắn gọn.\nDòng thứ hai.' };
    const send = (outline: object[]) => admin.post('/api/plans').send({ ...fixture.plan, code: `OUT-${Math.random().toString(36).slice(2, 8)}`, outline });
    for (const [bad, field] of [
      [{ takes: ['text', 'ketluan'] }, 'outline.0.takes'],
      [{ takes: [] }, 'outline.0.takes'],
      [{ takes: ['text', 'text'] }, 'outline.0.takes'],
      [{ part: 'VI' }, 'outline.0.part'],
      [{ guidance: 'x'.repeat(2001) }, 'outline.0.guidance'],
    ] as const) {
      const res = expectStatus(await send([{ ...item, ...bad }]), 400, JSON.stringify(bad));
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
  });

  it('a report’s items carry their part, the texts they take, their guidance, and every text ("" when empty)', async () => {
    const report = await getReport(ctx, reportOf('KBNN-KT'));
    const context = report.sections[0];
    expect(context).toMatchObject({ key: 'context', part: 'I', takes: ['text'], text: '', strengths: '', lessons: '' });
    expect(context.guidance).toMatch(/đặc điểm/i);
    expect(report.sections[1]).toMatchObject({ key: 'political', part: 'II', takes: ['strengths', 'limitations', 'causes'], text: '', directions: '' });
    expect(report.indicators).toEqual({});
  });

  it('refuses, naming it in Vietnamese, a text the item does not take; nothing changes', async () => {
    const id = reportOf('KBNN-KT');
    const strengthsInContext = expectStatus(
      await drafter.put(`/api/reports/${id}/sections/context`).send({ text: 'Đơn vị có 3 chi bộ.', strengths: 'Ưu điểm.' }),
      400,
    ).body;
    expect(strengthsInContext.message).toMatch(/^Mục “Đặc điểm tình hình” \(context\) không có phần strengths \(Kết quả, ưu điểm\); mục này nhận: text/);
    const lessonsInArea = expectStatus(
      await drafter.put(`/api/reports/${id}/sections/political`).send({ strengths: 'Ưu điểm.', lessons: 'Bài học.' }),
      400,
    ).body;
    expect(lessonsInArea.message).toMatch(/không có phần lessons \(Bài học kinh nghiệm\)/);
    expectStatus(await drafter.put(`/api/reports/${id}/sections/political`).send({ text: 'Một đoạn.' }), 400);
    const report = await getReport(ctx, id);
    expect(report.sections.slice(0, 2).map((s) => [s.text, s.strengths])).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('a submit with the areas filled but the one-text items empty is refused, naming those items', async () => {
    const id = reportOf('KBNN-KT');
    const report = await getReport(ctx, id);
    for (const section of report.sections.filter((s) => s.part === 'II')) {
      expectStatus(await drafter.put(`/api/reports/${id}/sections/${section.key}`).send({ strengths: 'Ưu điểm.', limitations: 'Hạn chế.' }), 200);
    }
    expectStatus(await drafter.put(`/api/reports/${id}/sections/context`).send({ text: '   ' }), 200);
    const refused = expectStatus(await drafter.post(`/api/reports/${id}/submit`), 422).body;
    expect(refused.missing).toEqual(ONE_TEXT_ITEMS);
  });

  it('refuses figures of the wrong kind with a Vietnamese message per figure, and changes nothing', async () => {
    const id = reportOf('KBNN-KT');
    const bad = expectStatus(
      await drafter.put(`/api/reports/${id}/indicators`).send({
        members_start: 12.5,
        members_end: -3,
        lecturers: '4',
        example_orgs_percent: 80,
        so_chuyen_de: 2,
        members_admitted_2016: 5,
      }),
      400,
    ).body;
    expect(bad.problems).toEqual({
      members_start: 'Phải là số nguyên (không có phần thập phân)',
      members_end: 'Không được là số âm',
      lecturers: 'Phải là một số',
      example_orgs_percent: 'Tỷ lệ này được tính tự động từ các số liệu liên quan, không nhập trực tiếp',
      so_chuyen_de: 'Kế hoạch không có số liệu này',
    });
    const contradicting = expectStatus(await drafter.put(`/api/reports/${id}/indicators`).send({ example_orgs_total: 2, example_orgs_committed: 3 }), 400).body;
    expect(contradicting.problems).toEqual({ example_orgs_committed: 'Không được lớn hơn tổng số tương ứng' });
    expect((await getReport(ctx, id)).indicators).toEqual({});
    const edits = await ctx.db.query(`SELECT 1 FROM audit_events WHERE report_id = $1 AND action = 'edit_indicators'`, [id]);
    expect(edits.rowCount).toBe(0);
  });

  it('keeps the figures as entered, computes the derived percentage, and clears a figure with null (not 0)', async () => {
    const id = reportOf('KBNN-KT');
    const saved = expectStatus(
      await drafter.put(`/api/reports/${id}/indicators`).send({ members_start: 25, example_orgs_total: 4, example_orgs_committed: 3, lecturers: 2 }),
      200,
    ).body;
    expect(saved.indicators).toEqual({ members_start: 25, example_orgs_total: 4, example_orgs_committed: 3, lecturers: 2 });
    expect(saved.derivedIndicators).toEqual({ example_orgs_percent: 75 });
    // The contract's shape still works: a non-negative integer per earlier figure.
    expectStatus(await drafter.put(`/api/reports/${id}/indicators`).send({ members_admitted: 3 }), 200);
    const cleared = expectStatus(await drafter.put(`/api/reports/${id}/indicators`).send({ lecturers: null, members_admitted: 0 }), 200).body;
    expect(cleared.indicators).toEqual({ members_start: 25, example_orgs_total: 4, example_orgs_committed: 3, members_admitted: 0 });
    expect((await getReport(ctx, id)).indicators).toEqual(cleared.indicators);
  });

  it('brings every report to consolidation, each drafter writing what each item takes', async () => {
    const figures: Record<string, Record<string, number>> = {
      'KBNN-KT': { members_start: 25, example_orgs_total: 4, example_orgs_committed: 3, members_admitted: 0 },
      // members_start reported as 0 here, left blank by everybody else.
      'KBNN-TT': { members_start: 0, example_orgs_total: 6, example_orgs_committed: 6 },
    };
    await Promise.all(
      reportingUnits(fixture).map((u) => fixtureToConsolidation(ctx, fixture, u.code, reportOf(u.code), figures[u.code] ?? { resolutions_issued: 1 })),
    );
  });

  it('the consolidation carries the one texts with each unit’s name, and every text the items take', async () => {
    const c = await consolidated(ctx, plan.id);
    const units = reportingUnits(fixture)
      .map((u) => u.code)
      .sort();
    const context = c.sections[0];
    expect(context).toMatchObject({ key: 'context', part: 'I', takes: ['text'] });
    expect(context.parts.text.map((t) => [t.unitCode, t.unitName, t.text])).toEqual(units.map((u) => [u, nameOf(u), sectionText(u, 'context', 'text')]));
    for (const section of c.sections) {
      for (const part of TEXT_PARTS)
        expect({ key: section.key, part, n: section.parts[part].length }).toEqual({
          key: section.key,
          part,
          n: section.takes.includes(part) ? units.length : 0,
        });
    }
  });

  it('the consolidation adds up the figures: blank stays absent, a reported 0 is 0, percentages recomputed from the totals', async () => {
    const c = await consolidated(ctx, plan.id);
    expect(c.indicators).toEqual({
      members_start: 25,
      members_admitted: 0,
      resolutions_issued: 8,
      example_orgs_total: 10,
      example_orgs_committed: 9,
      example_orgs_percent: 90,
    });
    expect(c.indicators).not.toHaveProperty('members_end');
    expect(c.indicatorBreakdown.members_start).toEqual([
      { unitCode: 'KBNN-KT', unitName: nameOf('KBNN-KT'), value: 25 },
      { unitCode: 'KBNN-TT', unitName: nameOf('KBNN-TT'), value: 0 },
    ]);
    expect(c.indicatorBreakdown.example_orgs_percent.map((e) => [e.unitCode, e.value])).toEqual([
      ['KBNN-KT', 75],
      ['KBNN-TT', 100],
    ]);
    expect(c.indicatorBreakdown.members_end).toEqual([]);
    expect(Object.keys(c.indicatorBreakdown)).toEqual((await getPlan(ctx, plan.id)).indicatorNames);
  });
});

describe('a plan made with the earlier five-part outline', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reportId: string;
  const OUTLINE = [
    { key: 'political', title: 'Xây dựng Đảng về chính trị', required: true },
    { key: 'charter', title: 'Thi hành Điều lệ Đảng', required: true },
    { key: 'notes', title: 'Ghi chú', required: false },
  ];

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    plan = await aheadPlan(ctx, { outline: OUTLINE, indicators: ['members_admitted', 'lecturers'] });
    await launchPlan(ctx, plan.id);
    reportId = (await reportsByUnit(ctx, plan.id)).get('KBNN-KT')!.id;
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('keeps its items as given, each taking the five parts, and only its named figures', async () => {
    const got = await getPlan(ctx, plan.id);
    expect(got.outline).toEqual(OUTLINE);
    expect(got.indicatorDefinitions!.map((d) => d.key)).toEqual(['members_admitted', 'lecturers']);
    const report = await getReport(ctx, reportId);
    expect(report.sections.map((s) => [s.key, s.takes])).toEqual(OUTLINE.map((s) => [s.key, [...PARTS]]));
    expect(report.sections[0]).not.toHaveProperty('part');
  });

  it('takes the five parts, refuses `text`, requires strengths and limitations, then goes up as before', async () => {
    const drafter = await session(ctx, holders(fixture, 'KBNN-KT', 'drafter')[0]);
    expectStatus(await drafter.put(`/api/reports/${reportId}/sections/political`).send({ lessons: 'Bài học.', directions: 'Phương hướng.' }), 200);
    expect(expectStatus(await drafter.put(`/api/reports/${reportId}/sections/political`).send({ text: 'Một đoạn.' }), 400).body.message).toMatch(
      /không có phần text/,
    );
    expect(expectStatus(await drafter.post(`/api/reports/${reportId}/submit`), 422).body.missing).toEqual(['political', 'charter']);
    await fillReport(ctx, reportId, drafter);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
    const report = await getReport(ctx, reportId);
    expect(report.sections[2]).toMatchObject({ key: 'notes', lessons: sectionText('KBNN-KT', 'notes', 'lessons'), text: '' });
  });
});
