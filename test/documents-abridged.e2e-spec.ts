import { session } from './support/api';
import { collection, consolidated, hanoiIn } from './support/consolidation';
import { expectParagraphsInOrder, getBinary, readWordFile, WordFile } from './support/docx';
import { createPlan, getPlan, importFixture, launchPlan, reportsByUnit, sectionText } from './support/factories';
import { Fixture, loadFixture, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { hanoiDay, hanoiIso } from './support/hanoi-time';
import { figuresOf, fixtureToConsolidation } from './support/plan-tasks';
import { OutlineSection, partsOf } from '@app/domain';

/**
 * An abridged consolidated document (more included units than DOCX_FULL_TEXT_MAX_UNITS): only the
 * texts of the units directly below the Bloc, the note saying so once, the annex listing the
 * exceptions. The limit is lowered to 2 for this file's engine, so the fixture's nine included
 * reports trigger it; and with one report missing, the collection is still open at its cut-off.
 */
describe('an abridged consolidated document (DOCX_FULL_TEXT_MAX_UNITS=2)', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let planId: string;
  let doc: WordFile;
  const cutOff = hanoiIn(10 * 86_400_000);
  const MISSING = 'HLHPN-TG';
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();
  const driven = units.filter((u) => u !== MISSING);
  const direct = ['BVNN', 'HLHPN', 'KBNN'];
  const below = driven.filter((u) => !direct.includes(u));
  const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
  const NOTE = (n: number) =>
    `(Báo cáo này trích nội dung của các đơn vị trực thuộc trực tiếp; toàn văn báo cáo của ${n} đơn vị đã tổng hợp xem trong báo cáo tổng hợp điện tử.)`;

  beforeAll(async () => {
    ctx = await startE2e({ env: { DOCX_FULL_TEXT_MAX_UNITS: '2' } });
    fixture = await importFixture(ctx);
    const ahead = hanoiIn(5 * 86_400_000);
    const dates = { drafting: ahead, cell_approval: ahead, committee_review: ahead };
    const plan = await createPlan(ctx, {
      deadlines: { cell: dates, grassroots: dates, upper: dates, bloc: { consolidation: cutOff } },
      reminders: { before: ['P1D'] },
    });
    planId = plan.id;
    await launchPlan(ctx, planId);
    const reports = await reportsByUnit(ctx, planId);
    await Promise.all(driven.map((u) => fixtureToConsolidation(ctx, fixture, u, reports.get(u)!.id, figuresOf(units.indexOf(u)))));
    const res = await getBinary(await session(ctx, 'tgv.lan'), `/api/plans/${planId}/consolidated.docx`);
    expect(res.status).toBe(200);
    doc = readWordFile(res.body);
  }, 90_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('carries the texts of the units directly below the Bloc, under their names, and none of the units further down', async () => {
    const c = await consolidated(ctx, planId);
    expect(c.included).toHaveLength(driven.length);
    expect(c.missing).toEqual([MISSING]);
    const outline = (await getPlan(ctx, planId)).outline as OutlineSection[];
    for (const section of outline) {
      for (const part of partsOf(section))
        for (const unit of direct) expect(doc.paragraphs).toContain(`${nameOf(unit)}: ${sectionText(unit, section.key, part)}`);
    }
    for (const unit of below) {
      expect({ unit, attributed: doc.paragraphs.filter((p) => p.startsWith(`${nameOf(unit)}: `)) }).toEqual({ unit, attributed: [] });
      expect(doc.xml).not.toContain(sectionText(unit, 'political', 'strengths'));
    }
  });

  it('says once, after the opening paragraph and before the first part, that the other units’ texts are in the electronic consolidation', async () => {
    const note = NOTE(driven.length);
    expect(doc.paragraphs.filter((p) => p === note)).toHaveLength(1);
    expect(doc.paragraphs.filter((p) => p.includes('báo cáo tổng hợp điện tử') && p !== note && !p.startsWith('TÌNH HÌNH TỔNG HỢP'))).toEqual([]);
    const at = doc.paragraphs.indexOf(note);
    expect(doc.paragraphs[at - 1]).toMatch(/^Thực hiện .* báo cáo kết quả như sau:$/);
    expect(doc.paragraphs[at + 1]).toMatch(/^(I|1)\. /);
  });

  it('lists the figures of the units directly below and totals every unit taken in, saying so', async () => {
    expect(doc.paragraphs).toContain(
      `Các bảng liệt kê ${direct.length} đơn vị trực thuộc trực tiếp; dòng TỔNG SỐ cộng số liệu của cả ${driven.length} đơn vị đã tổng hợp.`,
    );
    const general = doc.paragraphs.slice(doc.paragraphs.findIndex((p) => / Một số số liệu khác$/.test(p)));
    expectParagraphsInOrder({ ...doc, paragraphs: general }, ['STT', 'Đơn vị', ...direct.map(nameOf), 'TỔNG SỐ']);
    for (const unit of below) expect({ unit, row: general.includes(nameOf(unit)) }).toEqual({ unit, row: false });
    const total = driven.reduce((sum, u) => sum + figuresOf(units.indexOf(u)).members_admitted, 0);
    expect(general[general.indexOf('TỔNG SỐ') + 3]).toBe(String(total));
  });

  it('its annex still lists the missing unit (only the exceptions: every other unit was on time and never returned)', async () => {
    const title = `TÌNH HÌNH TỔNG HỢP BÁO CÁO (${driven.length}/${units.length} đơn vị đã tổng hợp; dưới đây các đơn vị thiếu, trễ hạn hoặc bị trả lại)`;
    expectParagraphsInOrder(doc, [
      'Nơi nhận:',
      'PHỤ LỤC',
      title,
      'Đơn vị',
      'Tình trạng',
      'Đúng hạn / trễ hạn',
      'Số lần trả lại',
      nameOf(MISSING),
      'Chưa có báo cáo',
      'Chưa nộp',
      '0',
    ]);
    const annex = doc.paragraphs.slice(doc.paragraphs.indexOf(title));
    for (const unit of driven) expect({ unit, listed: annex.includes(nameOf(unit)) }).toEqual({ unit, listed: false });
  });

  it('while the collection is open, its figures stand as of the cut-off, in the document and in the JSON', async () => {
    expect((await collection(ctx, planId, 'DUK'))!.status).toBe('collecting');
    const [y, m, d] = hanoiDay(Date.parse(cutOff)).split('-');
    expectParagraphsInOrder(doc, ['PHỤ LỤC', `Số liệu tính đến ngày ${d}/${m}/${y}`, 'STT', 'Đơn vị']);
    const c = (await consolidated(ctx, planId)) as unknown as Record<string, unknown>;
    expect({ asOf: c.asOf, asOfSource: c.asOfSource, cutOffAt: c.cutOffAt, collectedAt: c.collectedAt }).toEqual({
      asOf: hanoiIso(Date.parse(cutOff)),
      asOfSource: 'cut_off',
      cutOffAt: hanoiIso(Date.parse(cutOff)),
      collectedAt: null,
    });
  });

  it('a plan not launched yet has no collection: its figures stand as of its consolidation deadline', async () => {
    const deadline = hanoiIn(20 * 86_400_000);
    const draft = await createPlan(ctx, { deadlines: { bloc: { consolidation: deadline } } });
    const c = (await consolidated(ctx, draft.id)) as unknown as Record<string, unknown>;
    expect({ asOf: c.asOf, asOfSource: c.asOfSource, cutOffAt: c.cutOffAt, collectedAt: c.collectedAt }).toEqual({
      asOf: hanoiIso(Date.parse(deadline)),
      asOfSource: 'plan_deadline',
      cutOffAt: null,
      collectedAt: null,
    });
  });
});
