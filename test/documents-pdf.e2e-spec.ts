import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { expectStatus, session } from './support/api';
import { hanoiIn, waitForCollected } from './support/consolidation';
import { getBinary, readWordFile } from './support/docx';
import { approve, createPlan, getPlan, getReport, importFixture, launchPlan, reportsByUnit, submitReport, waitForStage } from './support/factories';
import { Fixture, holders, parentOf, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { hanoiDay } from './support/hanoi-time';
import { ARTIFACTS, ensureLibreOffice, expectPhrasesInOrder, flat, pageCount, pdfText, squash, toPdf, toPngs } from './support/pdf';
import { decidePlanTask } from './support/plan-tasks';
import { khoiText, sampleText } from './support/sample-texts';
import { waitFor } from './kit/poll';

const PARTS = ['strengths', 'limitations', 'causes', 'lessons', 'directions'];
const HEADINGS = [
  'ĐẶC ĐIỂM TÌNH HÌNH',
  'KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ THI HÀNH ĐIỀU LỆ ĐẢNG',
  'ĐÁNH GIÁ CHUNG VÀ BÀI HỌC KINH NGHIỆM',
  'PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ TỚI',
  'KIẾN NGHỊ, ĐỀ XUẤT',
].map((title, i) => `${['I', 'II', 'III', 'IV', 'V'][i]}. ${title}`);

/** Figures of the sample, so the totals can be checked: members at the start of the term and the resolutions issued. */
const MEMBERS_START: Record<string, number> = {
  'KBNN-KT': 18,
  'KBNN-TT': 12,
  'KBNN-VP': 9,
  KBNN: 27,
  BVNN: 40,
  'BVNN-NOI': 15,
  'BVNN-NGOAI': 11,
  HLHPN: 33,
  'HLHPN-TC': 8,
  'HLHPN-TG': 7,
};

/**
 * Every document a Party office receives from the sample, opened as its clerk would: rendered by
 * LibreOffice to PDF, its text read back (pdftotext) and checked, its pages kept as PNG under
 * test/artifacts/documents/ to be looked at. A cell's report as a draft and once adopted, an upper
 * committee's report over its cells, and the Khối's report adopted by its Standing Committee.
 */
describe('documents as a reader opens them (LibreOffice, PDF)', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let planId: string;
  let reports: Map<string, { id: string }>;
  const pdfs = new Map<string, string>();
  const texts = new Map<string, string>();
  const words = new Map<string, ReturnType<typeof readWordFile>>();
  const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
  const [year, month, day] = hanoiDay(Date.now()).split('-');
  const today = `Hà Nội, ngày ${day} tháng ${month} năm ${year}`;
  let cutOff: string;

  const write = async (unit: string) => {
    const drafter = await session(ctx, holders(fixture, unit, 'drafter')[0]);
    const reportId = reports.get(unit)!.id;
    const report = await getReport(ctx, reportId);
    for (const section of report.sections) {
      const takes = (section as { takes?: string[] }).takes ?? PARTS;
      const body = Object.fromEntries(
        takes.flatMap((part) => {
          const text = sampleText(nameOf(unit), section.key, part);
          return text === undefined ? [] : [[part, text]];
        }),
      );
      expectStatus(await drafter.put(`/api/reports/${reportId}/sections/${section.key}`).send(body), 200, `${unit} writes ${section.key}`);
    }
    const figures = { members_start: MEMBERS_START[unit], members_end: MEMBERS_START[unit] + 3, resolutions_issued: 2, members_admitted: 3 };
    expectStatus(await drafter.put(`/api/reports/${reportId}/indicators`).send(figures), 200, `${unit} figures`);
    await submitReport(reportId, drafter);
    await waitForStage(ctx, reportId, 'cell_approval');
  };
  const adoptAndReview = async (unit: string) => {
    const reportId = reports.get(unit)!.id;
    for (const username of holders(fixture, unit, 'approver')) await approve(await session(ctx, username), reportId, 'cell_approval');
    await waitForStage(ctx, reportId, 'committee_review');
    await approve(await session(ctx, holders(fixture, parentOf(fixture, unit), 'reviewer')[0]), reportId, 'committee_review');
    await waitForStage(ctx, reportId, 'consolidation');
  };
  const download = async (username: string, path: string) => {
    const res = await getBinary(await session(ctx, username), path);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    await ensureLibreOffice();
    rmSync(ARTIFACTS, { recursive: true, force: true });
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    const ahead = hanoiIn(5 * 86_400_000);
    const dates = { drafting: ahead, cell_approval: ahead, committee_review: ahead };
    cutOff = hanoiIn(10 * 86_400_000);
    const plan = await createPlan(ctx, {
      deadlines: { cell: dates, grassroots: dates, upper: dates, bloc: { consolidation: cutOff } },
      consolidateAt: ['bloc', 'upper'],
    } as never);
    planId = plan.id;
    await launchPlan(ctx, planId);
    reports = await reportsByUnit(ctx, planId);

    const docs: { name: string; content: Buffer }[] = [];
    // The cell's report, submitted and waiting for its meeting: a draft.
    await write('KBNN-KT');
    docs.push({ name: '1-chi-bo-du-thao', content: await download('kbnn-kt.soanthao', `/api/reports/${reports.get('KBNN-KT')!.id}/document.docx`) });
    await adoptAndReview('KBNN-KT');
    docs.push({ name: '2-chi-bo-da-thong-qua', content: await download('kbnn-kt.soanthao', `/api/reports/${reports.get('KBNN-KT')!.id}/document.docx`) });
    const cells = reportingUnits(fixture)
      .map((u) => u.code)
      .filter((u) => u !== 'KBNN-KT' && fixture.units.find((x) => x.code === u)!.kind === 'cell');
    for (const unit of cells) await write(unit);
    for (const unit of cells) await adoptAndReview(unit);
    for (const unit of ['KBNN', 'HLHPN']) await waitForCollected(ctx, planId, unit);
    for (const unit of ['KBNN', 'HLHPN', 'BVNN']) await write(unit);
    for (const unit of ['KBNN', 'HLHPN', 'BVNN']) await adoptAndReview(unit);
    docs.push({ name: '3-dang-bo-kbnn', content: await download('kbnn.bithu', `/api/plans/${planId}/consolidated.docx?unit=KBNN`) });
    await waitForCollected(ctx, planId, 'DUK');
    // The working group writes the Khối's own report (the table level_reports, as its editor stores it).
    const outline = (await getPlan(ctx, planId)).outline as { key: string; takes?: string[] }[];
    const khoi = Object.fromEntries(
      outline.map((s) => [s.key, Object.fromEntries((s.takes ?? PARTS).flatMap((p) => (khoiText(s.key, p) ? [[p, khoiText(s.key, p)]] : [])))]),
    );
    await ctx.db.query(
      `INSERT INTO level_reports (plan_id, unit_id, sections, round) SELECT $1, root_unit_id, $2, 1 FROM plans WHERE id = $1
       ON CONFLICT (plan_id, unit_id) DO UPDATE SET sections = EXCLUDED.sections`,
      [planId, JSON.stringify(khoi)],
    );
    await decidePlanTask(await session(ctx, 'tgv.lan'), planId, 'consolidation', 'approve');
    for (const member of ['btv.mai', 'btv.hung']) await decidePlanTask(await session(ctx, member), planId, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, planId)).status === 'completed', { what: 'plan completed' });
    docs.push({ name: '4-dang-uy-khoi', content: await download('tgv.lan', `/api/plans/${planId}/consolidated.docx`) });

    for (const doc of docs) words.set(doc.name, readWordFile(doc.content));
    const converted = await toPdf(docs, ARTIFACTS);
    for (const [i, doc] of docs.entries()) {
      pdfs.set(doc.name, converted[i]);
      texts.set(doc.name, await pdfText(converted[i]));
      await toPngs(converted[i]);
    }
  }, 300_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const text = (name: string) => texts.get(name)!;

  it('every document opens in LibreOffice, A4, with the Party header: ĐẢNG CỘNG SẢN VIỆT NAM, the issuer over its superior, the star', async () => {
    const issuers: Record<string, [string, string]> = {
      '1-chi-bo-du-thao': ['ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC'],
      '2-chi-bo-da-thong-qua': ['ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC'],
      '3-dang-bo-kbnn': ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG'],
      '4-dang-uy-khoi': ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHỐI'],
    };
    for (const [name, [superior, issuer]] of Object.entries(issuers)) {
      const first = await pdfText(pdfs.get(name)!, 1);
      expectPhrasesInOrder(
        first,
        [superior, issuer, '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', 'Tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020'],
        name,
      );
      // The title wraps between words, never inside the term.
      expect(flat(first)).toContain('2015-2020');
      expect(await pageCount(pdfs.get(name)!)).toBeGreaterThan(2);
    }
  });

  it('before adoption: marked DỰ THẢO, no number, no date, no signature; after: the number, the adoption date (two-digit day and month), the signer', async () => {
    const draft = flat(text('1-chi-bo-du-thao'));
    expect(draft).toContain('DỰ THẢO');
    expect(draft).toMatch(/Số -BC\/CB/);
    expect(draft).not.toMatch(/\d+-BC\/CB/);
    expect(draft).toMatch(/Hà Nội, ngày tháng năm/);
    expect(draft).not.toContain('T/M CHI BỘ');
    expect(draft).not.toContain('Hoàng Văn Bình');
    expect(draft).toContain('(Kèm theo dự thảo Báo cáo của Chi bộ Vụ Kế toán Nhà nước)');

    const adopted = flat(text('2-chi-bo-da-thong-qua'));
    expect(adopted).not.toContain('DỰ THẢO');
    expect(adopted).toContain('Số 1-BC/CB');
    expect(adopted).toContain(today);
    expectPhrasesInOrder(adopted, ['Nơi nhận:', '- Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo),', '- Lưu: Chi bộ.'], 'recipients');
    expectPhrasesInOrder(adopted, ['T/M CHI BỘ', 'BÍ THƯ', 'Hoàng Văn Bình', 'PHỤ LỤC'], 'signature');
    expect(adopted).toContain(`(Kèm theo Báo cáo số 1-BC/CB ngày ${day}/${Number(month)}/${year} của Chi bộ Vụ Kế toán Nhà nước)`);
  });

  it('opens with the basis paragraph citing the dispatch and the plan, then the parts I–V in order, nothing empty printed', async () => {
    const plan = await getPlan(ctx, planId);
    for (const name of ['1-chi-bo-du-thao', '2-chi-bo-da-thong-qua', '3-dang-bo-kbnn', '4-dang-uy-khoi']) {
      const all = flat(text(name));
      expectPhrasesInOrder(
        all,
        [
          'Thực hiện Công văn số 48-CV/TBĐLĐ ngày 28/5/2019 của Tiểu ban Điều lệ Đảng Đại hội XIII về việc tổng kết công tác xây dựng Đảng',
          `Kế hoạch số ${plan.code} ngày 05/6/2019 của Ban Thường vụ Đảng ủy Khối về tổng kết công tác xây dựng Đảng`,
          'báo cáo kết quả như sau:',
          ...HEADINGS,
        ],
        name,
      );
      expect({ name, empty: all.includes('Không có nội dung') }).toEqual({ name, empty: false });
    }
    const cell = flat(text('2-chi-bo-da-thong-qua'));
    expectPhrasesInOrder(
      cell,
      [
        'II. KẾT QUẢ',
        '1. Xây dựng Đảng về chính trị',
        'a) Kết quả, ưu điểm',
        'b) Tồn tại, hạn chế',
        'c) Nguyên nhân',
        '2. Công tác tư tưởng',
        'a) Kết quả, ưu điểm',
        'b) Tồn tại, hạn chế',
        '3. Xây dựng Đảng về đạo đức',
        'III. ĐÁNH GIÁ CHUNG',
        '1. Đánh giá chung',
        '2. Bài học kinh nghiệm',
      ],
      'items',
    );
    // The ideological area's causes were left empty: no c) between its b) and the next area.
    const ideological = cell.slice(cell.indexOf('2. Công tác tư tưởng'), cell.indexOf('3. Xây dựng Đảng về đạo đức'));
    expect(ideological).not.toContain('c) Nguyên nhân');
  });

  it('keeps a text’s paragraphs: each its own paragraph in the Word file and its own line on the page', async () => {
    const paragraphs = sampleText('Chi bộ Vụ Kế toán Nhà nước', 'context', 'text')!.split('\n');
    const word = words.get('2-chi-bo-da-thong-qua')!;
    for (const p of paragraphs) expect(word.paragraphs).toContain(p);
    expect(word.xml).not.toMatch(/<w:t[^>]*>[^<]*\n/);
    const lines = text('2-chi-bo-da-thong-qua').split('\n').map(squash);
    for (const p of paragraphs.slice(1)) {
      const start = squash(p).slice(0, 24);
      expect({ start, found: lines.some((l) => l.startsWith(start)) }).toEqual({ start, found: true });
    }
  });

  it('numbers the pages at the top centre from the second page', async () => {
    for (const name of pdfs.keys()) {
      const pages = await pageCount(pdfs.get(name)!);
      const firstLine = async (page: number) =>
        (await pdfText(pdfs.get(name)!, page))
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l !== '');
      expect({ name, page: 1, first: await firstLine(1) }).not.toEqual({ name, page: 1, first: '1' });
      for (const page of [2, pages]) expect({ name, page, first: await firstLine(page) }).toEqual({ name, page, first: String(page) });
    }
  });

  it('the upper committee’s report: adopted by its Standing Committee, signed by its Bí thư, its cells’ figures with the TỔNG SỐ', async () => {
    const all = flat(text('3-dang-bo-kbnn'));
    expect(all).not.toContain('DỰ THẢO');
    expect(all).toMatch(/Số 1-BC\/ĐU\b/);
    expect(all).toContain(today);
    expectPhrasesInOrder(
      all,
      ['Nơi nhận:', '- Đảng ủy Khối (để báo cáo),', '- Các đồng chí Ủy viên Ban Thường vụ,', '- Lưu: Văn phòng Đảng ủy.'],
      'recipients',
    );
    expectPhrasesInOrder(all, ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Văn An'], 'signature');
    expectPhrasesInOrder(
      all,
      [
        'PHỤ LỤC',
        'SỐ LIỆU CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ 2015-2020',
        `Số liệu tính đến ngày ${cutOff.slice(8, 10)}/${cutOff.slice(5, 7)}/${cutOff.slice(0, 4)}`,
        'Bảng 1.',
        'STT',
        'Đơn vị',
      ],
      'appendix',
    );
    const rows = (await pdfText(pdfs.get('3-dang-bo-kbnn')!, undefined, true)).split('\n');
    for (const cell of ['KBNN-KT', 'KBNN-TT', 'KBNN-VP'])
      expect(rows.some((r) => r.includes(nameOf(cell)) && r.includes(String(MEMBERS_START[cell])))).toBe(true);
    const total = MEMBERS_START['KBNN-KT'] + MEMBERS_START['KBNN-TT'] + MEMBERS_START['KBNN-VP'];
    expect(rows.find((r) => r.includes('TỔNG SỐ') && / \d/.test(r))).toMatch(new RegExp(`TỔNG SỐ\\s+${total}\\s+${total + 9}\\b`));
  });

  it('the Khối’s report: adopted by the Standing Committee, numbered -BC/ĐUK, signed K/T by its Phó Bí thư, the units below by name, never by code', async () => {
    const all = flat(text('4-dang-uy-khoi'));
    expect(all).not.toContain('DỰ THẢO');
    expect(all).toMatch(/Số 1-BC\/ĐUK/);
    expect(all).toContain(today);
    expectPhrasesInOrder(all, ['Nơi nhận:', '- Ban Bí thư (để báo cáo),', '- Lưu: Văn phòng Đảng ủy Khối.'], 'recipients');
    expectPhrasesInOrder(all, ['T/M BAN THƯỜNG VỤ', 'K/T BÍ THƯ', 'PHÓ BÍ THƯ', 'Lê Văn Hùng'], 'signature');
    // What the working group wrote, not the units' texts pasted one after the other.
    expectPhrasesInOrder(
      all,
      ['I. ĐẶC ĐIỂM TÌNH HÌNH', khoiText('context', 'text')!.split('\n')[0], 'II. KẾT QUẢ', 'Lựa chọn 5 vấn đề cần tập trung chỉ đạo'],
      'the Khối’s text',
    );
    expect(all).not.toContain(`${nameOf('KBNN')}: `);
    const total = ['KBNN', 'HLHPN', 'BVNN', 'BVNN-NOI', 'BVNN-NGOAI'].reduce((sum, u) => sum + MEMBERS_START[u], 0);
    const rows = (await pdfText(pdfs.get('4-dang-uy-khoi')!, undefined, true)).split('\n');
    expect(rows.find((r) => r.includes('TỔNG SỐ') && / \d/.test(r))).toMatch(new RegExp(`TỔNG SỐ\\s+${total}\\b`));
    for (const code of ['KBNN', 'BVNN-NOI', 'HLHPN']) expect(all).toContain(nameOf(code));
    expect(all).not.toMatch(/\b(KBNN|BVNN|HLHPN)(-[A-Z]+)?\b/);
  });

  it('an adopted document is the same at every download: number, date, signer and body', async () => {
    const again = readWordFile(await download('kbnn-kt.soanthao', `/api/reports/${reports.get('KBNN-KT')!.id}/document.docx`));
    expect(again.xml).toBe(words.get('2-chi-bo-da-thong-qua')!.xml);
    const root = readWordFile(await download('tgv.lan', `/api/plans/${planId}/consolidated.docx`));
    expect(root.xml).toBe(words.get('4-dang-uy-khoi')!.xml);
  });

  it('keeps each page as a PNG under test/artifacts/documents/', async () => {
    for (const name of pdfs.keys()) expect((await toPngs(pdfs.get(name)!)).length).toBe(await pageCount(pdfs.get(name)!));
    expect(join(ARTIFACTS, '2-chi-bo-da-thong-qua-1.png')).toMatch(/test\/artifacts\/documents\//);
  });
});
