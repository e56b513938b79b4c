import { expectStatus, session } from './support/api';
import { planEvents } from './support/consolidation';
import {
  approve,
  completeTask,
  createPlan,
  getPlan,
  getReport,
  importFixture,
  launchPlan,
  openTask,
  reportsByUnit,
  submitReport,
  tasksOf,
  waitForStage,
} from './support/factories';
import { Fixture, holders, parentOf } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { hanoiIso } from './support/hanoi-time';
import { expectedSynthesis, LevelVersionDto, levelReport, reportText, sources, takesOf, TextPart, waitForLevelReport } from './support/level-report';
import { figuresOf, openPlanTask, sum } from './support/plan-tasks';
import { PlanDto, ReportDto } from './support/types';
import { waitFor } from './kit/poll';

const DAY = 86_400_000;
const RETURN_REASON = 'Đề nghị tổ giúp việc làm rõ hơn hạn chế về công tác kiểm tra, giám sát và bổ sung số liệu đảng viên.';
const SYNTHESIS = 'Các tổ chức đảng trực thuộc đã cụ thể hóa kịp thời nghị quyết của Đảng ủy Khối.\nNhiều đơn vị có cách làm sáng tạo.';
/** KBNN-KT writes this item in three paragraphs: the synthesis above it keeps them. */
const PARAGRAPHS = 'Chi bộ đã ban hành nghị quyết chuyên đề hằng năm.\n\n   Sinh hoạt chi bộ được duy trì nền nếp.   \nĐảng viên gương mẫu thực hiện nhiệm vụ.';

/**
 * The Khối's own report (level_reports) through the whole plan, on the fixture tree consolidating
 * at the upper committees too: KBNN's and HLHPN's own reports start from their cells' texts, cited
 * by name with their paragraphs kept; the root's collection creates the Khối's report pre-filled the
 * same way; its working group (tgv.lan) edits it, is refused a submit with an empty required item,
 * submits it; the Standing Committee returns it with a reason, the working group edits it again and
 * completes its task directly (which submits it as it stands); the committee adopts it. Beside it,
 * the sources filtered by unit and paged, the figures with their breakdown, the completeness.
 */
describe('the Khối’s own report, written by its working group and adopted by the Standing Committee', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  const figures = new Map<string, Record<string, number>>();
  const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
  const reportOf = (code: string) => reports.get(code)!.id;
  /** Every unit's text names the unit by its name only: a code in a pre-fill can only come from the engine. */
  const textOf = (unit: string, key: string, part: TextPart) =>
    unit === 'KBNN-KT' && key === plan.outline![0].key && part === takesOf(plan.outline![0])[0]
      ? PARAGRAPHS
      : `Đánh giá phần ${part} của mục ${key}: ${nameOf(unit)} thực hiện nghiêm túc.`;
  const CODES = () => fixture.units.map((u) => u.code);

  /** Drafted (with texts and figures unless it consolidates and is pre-filled), submitted, adopted by its cell, approved above. */
  const toConsolidation = async (unit: string, write = true) => {
    const id = reportOf(unit);
    const drafter = await session(ctx, holders(fixture, unit, 'drafter')[0]);
    if (write) {
      for (const item of plan.outline!) {
        const body = Object.fromEntries(takesOf(item).map((part) => [part, textOf(unit, item.key, part)]));
        expectStatus(await drafter.put(`/api/reports/${id}/sections/${item.key}`).send(body), 200, `${unit} ${item.key}`);
      }
      expectStatus(await drafter.put(`/api/reports/${id}/indicators`).send(figures.get(unit)!), 200, `${unit} figures`);
    }
    await submitReport(id, drafter);
    await waitForStage(ctx, id, 'cell_approval');
    for (const username of holders(fixture, unit, 'approver')) await approve(await session(ctx, username), id, 'cell_approval');
    await waitForStage(ctx, id, 'committee_review');
    await approve(await session(ctx, holders(fixture, parentOf(fixture, unit), 'reviewer')[0]), id, 'committee_review');
    await waitForStage(ctx, id, 'consolidation');
  };

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    const ahead = (days: number) => hanoiIso(Date.now() + days * DAY);
    const dates = { drafting: ahead(5), cell_approval: ahead(6), committee_review: ahead(7) };
    plan = await createPlan(ctx, {
      deadlines: { cell: dates, grassroots: dates, upper: dates, bloc: { consolidation: ahead(20) } },
      consolidateAt: ['upper'],
    } as never);
    await launchPlan(ctx, plan.id);
    plan = await getPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    ['KBNN-KT', 'KBNN-TT', 'KBNN-VP', 'BVNN', 'BVNN-NOI', 'BVNN-NGOAI', 'HLHPN-TC', 'HLHPN-TG'].forEach((u, i) => figures.set(u, figuresOf(i)));
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('an intermediate level’s report starts from its cells’ texts cited by name, paragraphs kept, in order; its figures are their sums', async () => {
    await Promise.all(['KBNN-KT', 'KBNN-TT', 'KBNN-VP', 'HLHPN-TC', 'HLHPN-TG'].map((u) => toConsolidation(u)));
    const cells = ['KBNN-KT', 'KBNN-TT', 'KBNN-VP'];
    const kbnn = await waitFor(
      async () => {
        const r = await getReport(ctx, reportOf('KBNN'));
        return r.indicators.lecturers !== undefined ? r : undefined;
      },
      { what: 'KBNN pre-filled' },
    );
    const problems: string[] = [];
    for (const item of plan.outline!) {
      for (const part of takesOf(item)) {
        const got = reportText(kbnn, item.key, part);
        const want = expectedSynthesis(cells.map((c) => ({ name: nameOf(c), text: textOf(c, item.key, part) })));
        if (got !== want) problems.push(`${item.key}.${part}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        for (const code of CODES()) if (got?.includes(code)) problems.push(`${item.key}.${part} cites ${code}`);
      }
    }
    expect(problems).toEqual([]);
    const first = reportText(kbnn, plan.outline![0].key, takesOf(plan.outline![0])[0])!;
    expect(first.split('\n\n')[0]).toBe(
      `${nameOf('KBNN-KT')}: Chi bộ đã ban hành nghị quyết chuyên đề hằng năm.\nSinh hoạt chi bộ được duy trì nền nếp.\nĐảng viên gương mẫu thực hiện nhiệm vụ.`,
    );
    expect(kbnn.indicators).toEqual(sum(cells.map((c) => figures.get(c)!)));
  });

  it('the Khối’s report does not exist before the root’s collection is complete', async () => {
    expectStatus(await (await session(ctx, 'tgv.lan')).get(`/api/plans/${plan.id}/level-report`), 404, 'before the collection');
  });

  it('when the root’s collection completes, the working group’s task opens with the Khối’s report pre-filled from every report collected', async () => {
    await Promise.all([
      toConsolidation('BVNN-NOI'),
      toConsolidation('BVNN-NGOAI'),
      toConsolidation('BVNN'),
      toConsolidation('KBNN', false),
      toConsolidation('HLHPN', false),
    ]);
    const lan = await session(ctx, 'tgv.lan');
    await openPlanTask(lan, plan.id, 'consolidation', 15_000);
    const level = await waitForLevelReport(lan, plan.id, () => true, 'created');
    expect(level).toMatchObject({
      unitCode: 'DUK',
      unitName: nameOf('DUK'),
      status: 'drafting',
      round: 1,
      returnedCount: 0,
      lastReturnReason: null,
      canEdit: true,
      canSubmit: true,
    });
    // The root's group, in the tree's order: each unit followed by those below it.
    const group = ['BVNN', 'BVNN-NGOAI', 'BVNN-NOI', 'HLHPN', 'KBNN'];
    const now = new Map(await Promise.all(group.map(async (u) => [u, await getReport(ctx, reportOf(u))] as const)));
    const problems: string[] = [];
    for (const item of plan.outline!) {
      const section = level.sections.find((s) => s.key === item.key)!;
      expect(section.takes).toEqual(takesOf(item));
      for (const part of takesOf(item)) {
        const want = expectedSynthesis(group.map((u) => ({ name: nameOf(u), text: reportText(now.get(u)!, item.key, part) })));
        if (section.parts[part] !== want)
          problems.push(`${item.key}.${part}: ${JSON.stringify(section.parts[part])?.slice(0, 300)} ≠ ${JSON.stringify(want).slice(0, 300)}`);
      }
    }
    expect(problems).toEqual([]);
    const sums = sum(group.map((u) => now.get(u)!.indicators));
    expect(level.indicators).toEqual(sums);
    expect(level.sums).toEqual(sums);
    expect((await planEvents(ctx, plan.id, 'level_report.created')).map((e) => e.actor)).toEqual(['system']);
  });

  it('only the working group edits it, item by item, as an item takes its texts; the Standing Committee and admins read it', async () => {
    const item = plan.outline![0];
    const part = takesOf(item)[0];
    const body = { [part]: SYNTHESIS };
    for (const username of ['btv.mai', 'admin', 'kbnn.soanthao']) {
      expectStatus(await (await session(ctx, username)).put(`/api/plans/${plan.id}/level-report/sections/${item.key}`).send(body), 403, `${username} edits`);
    }
    expectStatus(await (await session(ctx, 'kbnn.soanthao')).get(`/api/plans/${plan.id}/level-report`), 403, 'a drafter below reads');
    const lan = await session(ctx, 'tgv.lan');
    const edited = expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/sections/${item.key}`).send(body), 200, 'edit').body;
    expect(edited.sections[0].parts[part]).toBe(SYNTHESIS);
    const wrongPart = takesOf(item).includes('text') ? 'strengths' : 'text';
    expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/sections/${item.key}`).send({ [wrongPart]: 'x' }), 400, 'a text the item does not take');
    expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/sections/khong_co`).send(body), 404, 'an unknown item');
    expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/indicators`).send({ lecturers: 999 }), 200, 'a figure of its own');
    const read = await levelReport(await session(ctx, 'btv.mai'), plan.id);
    expect({ text: read.sections[0].parts[part], lecturers: read.indicators.lecturers, canEdit: read.canEdit }).toEqual({
      text: SYNTHESIS,
      lecturers: 999,
      canEdit: false,
    });
  });

  it('sources beside the editor: per item, a page of units at a time, filtered by a unit and those below it', async () => {
    const lan = await session(ctx, 'tgv.lan');
    const item = plan.outline![0];
    const first = await sources(lan, plan.id, { section: item.key, limit: 2 });
    expect({ total: first.total, next: first.next, units: first.units.map((u) => u.unitCode) }).toEqual({ total: 5, next: 2, units: ['BVNN', 'BVNN-NGOAI'] });
    expect(first.sections.map((s) => s.key)).toEqual([item.key]);
    expect(first.sections[0].sources.map((s) => [s.unitCode, s.unitName, s.kind])).toEqual([
      ['BVNN', nameOf('BVNN'), 'grassroots'],
      ['BVNN-NGOAI', nameOf('BVNN-NGOAI'), 'cell'],
    ]);
    const last = await sources(lan, plan.id, { section: item.key, from: 4, limit: 2 });
    expect({ next: last.next, units: last.units.map((u) => u.unitCode) }).toEqual({ next: null, units: ['KBNN'] });

    const bvnn = await sources(lan, plan.id, { unit: 'BVNN' });
    expect({ total: bvnn.total, units: bvnn.units.map((u) => u.unitCode), items: bvnn.sections.length }).toEqual({
      total: 3,
      units: ['BVNN', 'BVNN-NGOAI', 'BVNN-NOI'],
      items: plan.outline!.length,
    });
    const part = takesOf(item)[0];
    expect(bvnn.sections[0].sources.find((s) => s.unitCode === 'BVNN-NOI')!.parts[part]).toBe(textOf('BVNN-NOI', item.key, part));

    // An intermediate level's sources: KBNN's cells, read by KBNN's own drafter too.
    const kbnn = await sources(await session(ctx, 'kbnn.soanthao'), plan.id, { level: 'KBNN', section: item.key });
    expect(kbnn.units.map((u) => u.unitCode)).toEqual(['KBNN-KT', 'KBNN-TT', 'KBNN-VP']);
    expect(kbnn.sections[0].sources[0].parts[part]).toBe(PARAGRAPHS.trim());
    expectStatus(await (await session(ctx, 'kbnn.soanthao')).get(`/api/plans/${plan.id}/level-report/sources`), 403, 'the root’s sources by a drafter below');
    expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/sources?unit=KBNN-KT`), 404, 'a unit the root does not gather itself');
    expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/sources?section=khong_co`), 404, 'an unknown item');
    expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/sources?limit=0`), 400, 'an empty page');
    expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/sources?level=BVNN-NOI`), 422, 'a unit that does not consolidate');
  });

  it('figures with a per-unit breakdown, and the completeness of the collection', async () => {
    const lan = await session(ctx, 'tgv.lan');
    const group = ['BVNN', 'BVNN-NGOAI', 'BVNN-NOI', 'HLHPN', 'KBNN'];
    const now = new Map(await Promise.all(group.map(async (u) => [u, (await getReport(ctx, reportOf(u))).indicators] as const)));
    const answer = expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/figures?indicator=members_admitted`), 200, 'figures').body;
    expect(answer.units).toBe(5);
    expect(answer.totals.members_admitted).toBe(sum(group.map((u) => now.get(u)!)).members_admitted);
    expect(answer.reported.members_admitted).toBe(5);
    expect(answer.breakdown.units).toEqual(group.map((u) => ({ unitCode: u, unitName: nameOf(u), value: now.get(u)!.members_admitted })));
    expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/figures?indicator=khong_co`), 404, 'an unknown figure');

    const completeness = expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/completeness`), 200, 'completeness').body;
    expect({ included: completeness.included, missing: completeness.missing }).toEqual({ included: 5, missing: [] });
    expect(completeness.completeness.rows.map((r: { unitCode: string }) => r.unitCode).sort()).toEqual([...group].sort());
  });

  it('a submit with an empty required item is refused, listing it; nothing moves', async () => {
    const lan = await session(ctx, 'tgv.lan');
    // Not the first item, whose text the versions compare below.
    const required = [...plan.outline!].reverse().find((s) => s.required)!;
    const emptied = Object.fromEntries(takesOf(required).map((part) => [part, '']));
    expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/sections/${required.key}`).send(emptied), 200, 'empty an item');
    const refused = expectStatus(await lan.post(`/api/plans/${plan.id}/level-report/submit`), 422, 'incomplete submit');
    expect(refused.body.missing).toEqual([required.key]);
    expectStatus(await (await session(ctx, 'btv.mai')).post(`/api/plans/${plan.id}/level-report/submit`), 403, 'the Standing Committee submits');
    expect((await levelReport(lan, plan.id)).status).toBe('drafting');
    expect((await getReport(ctx, reportOf('KBNN'))).stage).toBe('consolidation');
    const refill = Object.fromEntries(takesOf(required).map((part) => [part, `Phần tổng hợp (${part}): ${SYNTHESIS}`]));
    expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/sections/${required.key}`).send(refill), 200, 'write it again');
  });

  it('submitted: the waiting reports go to done, a snapshot is kept, the Standing Committee gets it, and it is no longer edited', async () => {
    const lan = await session(ctx, 'tgv.lan');
    const answer = expectStatus(await lan.post(`/api/plans/${plan.id}/level-report/submit`), 202, 'submit').body;
    expect(answer).toMatchObject({ planId: plan.id, decision: 'approve' });
    const submitted = await waitForLevelReport(lan, plan.id, (r) => r.status === 'submitted', 'submitted');
    await waitForStage(ctx, reportOf('KBNN'), 'done');
    await openPlanTask(await session(ctx, 'btv.mai'), plan.id, 'root_approval');
    const versions = expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/versions`), 200, 'versions').body as LevelVersionDto[];
    expect(versions.map((v) => [v.seq, v.round, v.submittedBy])).toEqual([[1, 1, 'tgv.lan']]);
    expect(versions[0].indicators.lecturers).toBe(999);
    expect(versions[0].sections[plan.outline![0].key][takesOf(plan.outline![0])[0]]).toBe(submitted.sections[0].parts[takesOf(plan.outline![0])[0]]);
    expectStatus(
      await lan.put(`/api/plans/${plan.id}/level-report/sections/${plan.outline![0].key}`).send({ [takesOf(plan.outline![0])[0]]: 'muộn' }),
      409,
      'edit once submitted',
    );
    expectStatus(await lan.post(`/api/plans/${plan.id}/level-report/submit`), 409, 'submit twice');
  });

  it('returned with a reason: a new round of the working group, the report back to drafting with the reason', async () => {
    const mai = await session(ctx, 'btv.mai');
    const task = await openPlanTask(mai, plan.id, 'root_approval');
    expectStatus(await completeTask(mai, task.id, 'return', RETURN_REASON), 202, 'return');
    const lan = await session(ctx, 'tgv.lan');
    const back = await waitForLevelReport(lan, plan.id, (r) => r.status === 'drafting', 'back to drafting');
    expect(back).toMatchObject({ round: 2, returnedCount: 1, lastReturnReason: RETURN_REASON, canEdit: true });
    await openPlanTask(lan, plan.id, 'consolidation');
  });

  it('edited again and completed from the task directly: submitted as it stands, the two versions differ where it was edited', async () => {
    const lan = await session(ctx, 'tgv.lan');
    const item = plan.outline![0];
    const part = takesOf(item)[0];
    const revised = `${SYNTHESIS}\nCông tác kiểm tra, giám sát còn hạn chế ở một số đơn vị.`;
    expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/sections/${item.key}`).send({ [part]: revised }), 200, 'revise');
    const task = await openPlanTask(lan, plan.id, 'consolidation');
    expectStatus(await completeTask(lan, task.id, 'approve'), 202, 'complete the task directly');
    await waitForLevelReport(lan, plan.id, (r) => r.status === 'submitted', 'submitted again');
    const versions = expectStatus(await lan.get(`/api/plans/${plan.id}/level-report/versions`), 200, 'versions').body as LevelVersionDto[];
    expect(versions.map((v) => [v.seq, v.round])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(versions.map((v) => v.sections[item.key][part])).toEqual([SYNTHESIS, revised]);
  });

  it('the Standing Committee adopts it by the plan’s rule: adopted, the plan completed, nothing edited any more', async () => {
    for (const username of ['btv.hung', 'btv.mai']) {
      const member = await session(ctx, username);
      const task = await openTask(member, null, 'root_approval', 10_000);
      expectStatus(await completeTask(member, task.id, 'approve'), 202, `${username} adopts`);
    }
    const lan = await session(ctx, 'tgv.lan');
    const adopted = await waitForLevelReport(lan, plan.id, (r) => r.status === 'adopted', 'adopted');
    expect(adopted.canEdit).toBe(false);
    expect((await getPlan(ctx, plan.id)).status).toBe('completed');
    expectStatus(await lan.put(`/api/plans/${plan.id}/level-report/indicators`).send({ lecturers: 1 }), 409, 'edit once adopted');
    expect((await tasksOf(lan)).filter((t) => t.reportId === null)).toEqual([]);
    const trail = (await planEvents(ctx, plan.id)).map((e) => e.action).filter((a) => a.startsWith('level_report.') && !a.startsWith('level_report.edit'));
    expect(trail).toEqual(['level_report.created', 'level_report.submitted', 'level_report.returned', 'level_report.submitted', 'level_report.adopted']);
  });
});
