import { session } from './support/api';
import { collection, collections, consolidated, hanoiIn, waitForCollected } from './support/consolidation';
import { DOCX_TYPE, expectParagraphsInOrder, getBinary, isBold, paragraphXml, readWordFile, WordFile } from './support/docx';
import { createPlan, getPlan, getReport, importFixture, launchPlan, reportsByUnit, sectionText } from './support/factories';
import { Fixture, holders, loadFixture, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { API_TIME, hanoiDay, hanoiIso } from './support/hanoi-time';
import { decidePlanTask, figuresOf, fixtureToConsolidation } from './support/plan-tasks';
import { waitFor } from './support/wait-for';
import { PARTS, PlanDto, ReportDto, TextPart } from './support/types';

/**
 * The Word files in the Party form (domain.md, Hướng dẫn 36-HD/VPTW): a unit's report and the
 * consolidated reports of the Bloc and of an upper committee (consolidateAt ['bloc','upper']), read
 * back from word/document.xml.
 */
describe('reports as Party documents (.docx)', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  const units = reportingUnits(loadFixture()).map((u) => u.code).sort();
  const figures = new Map(units.map((u, i) => [u, figuresOf(i)]));
  // XML's own characters, typographic quotes and dashes, and a text in decomposed form (NFD).
  const SPECIAL = 'Chống "tự diễn biến", "tự chuyển hóa" & <lợi ích nhóm> — 100% chi bộ; ‘nêu gương’ của người đứng đầu';
  const NFD = 'Bài học: đoàn kết, thống nhất; phát huy dân chủ trong Đảng'.normalize('NFD');
  const textOf = (unit: string, key: string, part: TextPart): string => {
    if (unit === 'HLHPN' && key === 'ethics' && part === 'strengths') return SPECIAL;
    if (unit === 'BVNN-NOI' && key === 'degradation' && part === 'lessons') return NFD;
    return sectionText(unit, key, part);
  };
  const TITLE = 'Tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020';
  const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
  const rootGroup = ['BVNN', 'BVNN-NGOAI', 'BVNN-NOI', 'HLHPN', 'KBNN'];
  const kbnnGroup = ['KBNN-KT', 'KBNN-TT', 'KBNN-VP'];
  let rootDoc: WordFile;
  let blocCutOff: string;
  const fullNameOf = (username: string) => fixture.users.find((u) => u.username === username)!.fullName;
  /** dd/mm/yyyy of an instant, in Hanoi. */
  const dayOf = (at: Date | string) => hanoiDay(new Date(at).getTime()).split('-').reverse().join('/');

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    const ahead = hanoiIn(5 * 86_400_000);
    const dates = { drafting: ahead, cell_approval: ahead, committee_review: ahead };
    blocCutOff = hanoiIn(10 * 86_400_000);
    plan = await createPlan(ctx, {
      deadlines: { cell: dates, grassroots: dates, upper: dates, bloc: { consolidation: blocCutOff } },
      reminders: { before: ['P1D'] },
      consolidateAt: ['bloc', 'upper'],
    } as Record<string, unknown>);
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    // Cells of the upper committees first, so those committees have collected before they draft.
    const cellsOfUppers = units.filter((u) => u.startsWith('KBNN-') || u.startsWith('HLHPN-'));
    const drive = (u: string) => fixtureToConsolidation(ctx, fixture, u, reports.get(u)!.id, figures.get(u)!, (key, part) => textOf(u, key, part));
    await Promise.all(cellsOfUppers.map(drive));
    for (const u of ['KBNN', 'HLHPN']) await waitForCollected(ctx, plan.id, u);
    await Promise.all(units.filter((u) => !cellsOfUppers.includes(u)).map(drive));
    await waitForCollected(ctx, plan.id, 'DUK');
  }, 90_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  const fetchDoc = async (username: string, path: string) => {
    const res = await getBinary(await session(ctx, username), path);
    return res;
  };
  const expectInOrder = expectParagraphsInOrder;
  const todayLine = () => {
    const [y, m, d] = hanoiDay(Date.now()).split('-');
    return `Hà Nội, ngày ${d} tháng ${Number(m)} năm ${y}`;
  };
  const bold = isBold;

  it('GET /api/plans/:id/consolidated.docx answers 200 with a Word file named for the unit', async () => {
    const res = await fetchDoc('tgv.lan', `/api/plans/${plan.id}/consolidated.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''[^"; ]+\.docx$/);
    expect(Buffer.isBuffer(res.body)).toBe(true);
    expect(res.body.subarray(0, 2).toString('latin1')).toBe('PK');
    rootDoc = readWordFile(res.body);
    expect([...rootDoc.entries.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(rootDoc.entries.get('[Content_Types].xml')!.toString('utf8')).toContain('wordprocessingml.document.main+xml');
  });

  it('has the Party header: the Bloc’s đảng bộ in plain capitals over its committee in bold, “*”, “Số …-BC/ĐUK”, “ĐẢNG CỘNG SẢN VIỆT NAM”, the place and date; then BÁO CÁO and the title', async () => {
    expectInOrder(rootDoc, ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHỐI', '*', 'Số …-BC/ĐUK', 'ĐẢNG CỘNG SẢN VIỆT NAM', todayLine(), 'BÁO CÁO', TITLE]);
    // The two lines are adjacent, the star right below them.
    const at = rootDoc.paragraphs.indexOf('ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG');
    expect(rootDoc.paragraphs.slice(at, at + 3)).toEqual(['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHỐI', '*']);
    expect(bold(paragraphXml(rootDoc.xml, 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG'))).toBe(false);
    expect(bold(paragraphXml(rootDoc.xml, 'ĐẢNG ỦY KHỐI'))).toBe(true);
    const party = paragraphXml(rootDoc.xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')!;
    expect(bold(party)).toBe(true);
    expect(party).toMatch(/<w:u w:val="single"\/>/);
    expect(party).toMatch(/<w:sz w:val="30"\/>/);
    const type = paragraphXml(rootDoc.xml, 'BÁO CÁO')!;
    expect(bold(type)).toBe(true);
    expect(type).toMatch(/<w:sz w:val="(30|32)"\/>/);
  });

  it('numbers the outline’s sections, with the five parts and every included unit’s text under its unit name', async () => {
    const outline = (await consolidated(ctx, plan.id)).sections;
    expect(outline).toHaveLength(10);
    const expected: string[] = [];
    outline.forEach((section, i) => {
      expected.push(`${i + 1}. ${section.title}`);
      expected.push('Ưu điểm:');
      for (const part of PARTS) for (const unit of rootGroup) expected.push(`${nameOf(unit)}: ${textOf(unit, section.key, part)}`);
    });
    for (const text of expected) expect({ text, found: rootDoc.paragraphs.includes(text) }).toEqual({ text, found: true });
    expectInOrder(rootDoc, outline.map((s, i) => `${i + 1}. ${s.title}`));
    expectInOrder(rootDoc, ['1. Xây dựng Đảng về chính trị (cụ thể hóa nghị quyết, chương trình hành động)', 'Ưu điểm:', 'Tồn tại, hạn chế:', 'Nguyên nhân:', 'Bài học kinh nghiệm:', 'Phương hướng nhiệm kỳ tiếp theo:']);
    // Units outside the Bloc's group (the cells of KBNN and HLHPN) speak through their committee's report.
    for (const cell of [...kbnnGroup, 'HLHPN-TC', 'HLHPN-TG']) expect(rootDoc.paragraphs.some((p) => p.startsWith(`${nameOf(cell)}: `))).toBe(false);
  });

  it('keeps Vietnamese text intact: diacritics as UTF-8, XML characters escaped, NFD text unnormalised', async () => {
    expect(rootDoc.paragraphs).toContain(`${nameOf('HLHPN')}: ${SPECIAL}`);
    expect(rootDoc.paragraphs).toContain(`${nameOf('BVNN-NOI')}: ${NFD}`);
    expect(rootDoc.xml).toContain('&amp; &lt;lợi ích nhóm&gt;');
    expect(rootDoc.xml).not.toContain('<lợi ích nhóm>');
    expect(rootDoc.xml).toContain(NFD);
    expect(rootDoc.xml).toContain('Đảng bộ cơ quan Trung ương Hội Liên hiệp Phụ nữ Việt Nam');
    expect(rootDoc.xml.slice(0, 100)).toMatch(/encoding="UTF-8"/i);
  });

  it('sets Times New Roman 14 on A4 with margins 20/20/30/15 mm', async () => {
    const runs = rootDoc.xml.match(/<w:r>|<w:r [^>]*>/g) ?? [];
    const fonts = rootDoc.xml.match(/<w:rFonts [^>]*\/>/g) ?? [];
    expect(runs.length).toBeGreaterThan(100);
    expect(fonts.length).toBe(runs.length);
    for (const f of new Set(fonts)) expect(f).toMatch(/w:ascii="Times New Roman"/);
    expect(rootDoc.styles).toMatch(/w:ascii="Times New Roman"/);
    expect(rootDoc.styles).toMatch(/<w:sz w:val="28"\/>/);
    // Twips are whole numbers in OOXML (ST_TwipsMeasure): Word refuses a file with "850.5".
    const pgSz = rootDoc.xml.match(/<w:pgSz [^>]*\/>/)![0];
    const pgMar = rootDoc.xml.match(/<w:pgMar [^>]*\/>/)![0];
    const attr = (xml: string, name: string) => xml.match(new RegExp(`w:${name}="([^"]+)"`))?.[1];
    const near = (xml: string, name: string, mm: number) => {
      const value = attr(xml, name)!;
      return { name, value, integer: /^\d+$/.test(value), near: Math.abs(Number(value) - mm * 56.6929) <= 2 };
    };
    const checks = [near(pgSz, 'w', 210), near(pgSz, 'h', 297), near(pgMar, 'top', 20), near(pgMar, 'bottom', 20), near(pgMar, 'left', 30), near(pgMar, 'right', 15)];
    expect(checks).toEqual(checks.map((c) => ({ ...c, integer: true, near: true })));
  });

  it('ends with the summed figures and their cut-off date (when the Bloc’s collection closed), the completeness annex, the recipients and the signature block', async () => {
    const c = await consolidated(ctx, plan.id);
    const collected = (await collection(ctx, plan.id, 'DUK'))!;
    expectInOrder(rootDoc, [
      'Một số chỉ tiêu', `Số liệu tính đến ngày ${dayOf(collected.collected_at!)}`,
      'Chỉ tiêu', 'Số liệu',
      'Số đảng viên được kết nạp', String(c.indicators.members_admitted),
      'PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ',
      'Đơn vị', 'Tình trạng', 'Đúng hạn / trễ hạn', 'Số lần trả lại',
      'Nơi nhận:',
      '- Ban Bí thư (để báo cáo)',
      '- Ban Chấp hành Trung ương (qua Tiểu ban Điều lệ Đảng, để báo cáo)',
      '- Ban Tổ chức Trung ương',
      '- Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối',
      '- Lưu VP',
      'T/M BAN THƯỜNG VỤ', 'BÍ THƯ',
      // Before the Standing Committee has approved, the first of its members (the root's reviewers) is named.
      fullNameOf('btv.hung'),
    ]);
    expect(rootDoc.paragraphs).not.toContain('Thời hạn nộp');
    for (const unit of rootGroup) expectInOrder(rootDoc, ['PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ', nameOf(unit), 'Đã tổng hợp', 'Đúng hạn', '0']);
    expect(bold(paragraphXml(rootDoc.xml, 'Nơi nhận:'))).toBe(true);
    expect(paragraphXml(rootDoc.xml, 'Nơi nhận:')).toMatch(/<w:u w:val="single"\/>/);
  });

  it('an upper committee’s consolidated document: its superior over it, “-BC/ĐU”, its cells’ texts by name, its annex', async () => {
    const res = await fetchDoc('kbnn.bithu', `/api/plans/${plan.id}/consolidated.docx?unit=KBNN`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    const doc = readWordFile(res.body);
    expectInOrder(doc, ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', '*', 'Số …-BC/ĐU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', TITLE]);
    expect(bold(paragraphXml(doc.xml, 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG'))).toBe(false);
    expect(bold(paragraphXml(doc.xml, 'ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG'))).toBe(true);
    // It reports to the Bloc's committee, not to the Central Committee; signed by the member of its committee who first approved its report.
    const collected = (await collection(ctx, plan.id, 'KBNN'))!;
    expectInOrder(doc, [
      `Số liệu tính đến ngày ${dayOf(collected.collected_at!)}`,
      'Nơi nhận:', '- Đảng ủy Khối (để báo cáo)', '- Các đồng chí Ủy viên Ban Thường vụ', '- Lưu',
      'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', fullNameOf(holders(fixture, 'KBNN', 'approver')[0]),
    ]);
    expect(doc.paragraphs.filter((p) => /Ban Chấp hành Trung ương|Ban Bí thư/.test(p))).toEqual([]);
    for (const unit of kbnnGroup) for (const part of PARTS) expect(doc.paragraphs).toContain(`${nameOf(unit)}: ${sectionText(unit, 'charter', part)}`);
    expectInOrder(doc, ['PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ', ...kbnnGroup.map(nameOf)]);
    expect(doc.paragraphs.some((p) => p.startsWith(`${nameOf('BVNN')}: `))).toBe(false);
    const c = await consolidated(ctx, plan.id, 'KBNN');
    expectInOrder(doc, ['Số đảng viên được kết nạp', String(c.indicators.members_admitted)]);
  });

  it('a cell’s own report as a document: “-BC/CB”, its texts, its figures, signed T/M CHI BỘ by its secretary, no annex', async () => {
    const report = await getReport(ctx, reports.get('KBNN-KT')!.id);
    const res = await fetchDoc('kbnn-kt.soanthao', `/api/reports/${report.id}/document.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''[^"; ]+\.docx$/);
    const doc = readWordFile(res.body);
    const { rows } = await ctx.db.query<{ at: Date }>(`SELECT max(submitted_at) AS at FROM report_snapshots WHERE report_id = $1`, [report.id]);
    const [y, m, d] = hanoiDay(new Date(rows[0].at).getTime()).split('-');
    const header = doc.paragraphs.indexOf('ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG');
    expect(doc.paragraphs.slice(header, header + 4)).toEqual(['ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC', '*', 'Số …-BC/CB']);
    expect(bold(paragraphXml(doc.xml, 'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG'))).toBe(false);
    expect(bold(paragraphXml(doc.xml, 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC'))).toBe(true);
    expectInOrder(doc, [
      'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC', '*', 'Số …-BC/CB',
      'ĐẢNG CỘNG SẢN VIỆT NAM', `Hà Nội, ngày ${d} tháng ${Number(m)} năm ${y}`, 'BÁO CÁO', TITLE,
      `1. ${report.sections[0].title}`, 'Ưu điểm:', sectionText('KBNN-KT', report.sections[0].key, 'strengths'),
    ]);
    for (const section of report.sections) for (const part of PARTS) expect(doc.paragraphs).toContain(sectionText('KBNN-KT', section.key, part));
    // Its approvers approved one after the other: the first to approve signs.
    const signer = fullNameOf(holders(fixture, 'KBNN-KT', 'approver')[0]);
    expectInOrder(doc, [
      `Số liệu tính đến ngày ${d}/${m}/${y}`, 'Số nghị quyết ban hành', String(figures.get('KBNN-KT')!.resolutions_issued),
      'Nơi nhận:', '- Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)', '- Lưu', 'T/M CHI BỘ', 'BÍ THƯ', signer,
    ]);
    expect(doc.xml).toContain(signer);
    expect(doc.paragraphs.filter((p) => p.startsWith('- '))).toEqual(['- Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)', '- Lưu']);
    expect(doc.paragraphs).not.toContain('PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ');
  });

  it('a grassroots committee’s report is signed T/M ĐẢNG ỦY under “-BC/ĐU”', async () => {
    const res = await fetchDoc('bvnn.bithu', `/api/reports/${reports.get('BVNN')!.id}/document.docx`);
    expect(res.status).toBe(200);
    const doc = readWordFile(res.body);
    expectInOrder(doc, [
      'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY BỆNH VIỆN ĐA KHOA NÔNG NGHIỆP', '*', 'Số …-BC/ĐU',
      'Nơi nhận:', '- Đảng ủy Khối (để báo cáo)', '- Các đồng chí đảng ủy viên', '- Lưu', 'T/M ĐẢNG ỦY', 'BÍ THƯ', fullNameOf('bvnn.bithu'),
    ]);
  });

  it('refuses what the caller may not read: another unit’s drafter 403, a drafter asking for the Bloc’s consolidation 403, a non-consolidating unit 422, unknown ids 404, no token 401', async () => {
    const kt = reports.get('KBNN-KT')!.id;
    const cases = [
      { what: 'drafter of BVNN-NOI reads KBNN-KT’s document', res: await fetchDoc('bvnn-noi.bithu', `/api/reports/${kt}/document.docx`), status: 403 },
      { what: 'drafter of HLHPN-TC reads KBNN-KT’s document', res: await fetchDoc('hlhpn-tc.bithu', `/api/reports/${kt}/document.docx`), status: 403 },
      { what: 'drafter of KBNN-KT reads the Bloc’s consolidated document', res: await fetchDoc('kbnn-kt.soanthao', `/api/plans/${plan.id}/consolidated.docx`), status: 403 },
      { what: 'KBNN’s committee reads the Bloc’s consolidated document', res: await fetchDoc('kbnn.bithu', `/api/plans/${plan.id}/consolidated.docx`), status: 403 },
      { what: 'BVNN (grassroots) does not consolidate in this plan', res: await fetchDoc('admin', `/api/plans/${plan.id}/consolidated.docx?unit=BVNN`), status: 422 },
      { what: 'unknown report', res: await fetchDoc('admin', `/api/reports/00000000-0000-4000-8000-000000000000/document.docx`), status: 404 },
      { what: 'unknown plan', res: await fetchDoc('admin', `/api/plans/00000000-0000-4000-8000-000000000000/consolidated.docx`), status: 404 },
      { what: 'no token', res: await ctx.http.get(`/api/reports/${kt}/document.docx`), status: 401 },
    ];
    const got = cases.map((c) => ({ what: c.what, status: c.res.status }));
    expect(got).toEqual(cases.map((c) => ({ what: c.what, status: c.status })));
    // The parent's reviewer and the Bloc's working group may read it.
    expect((await fetchDoc('kbnn.capuy', `/api/reports/${kt}/document.docx`)).status).toBe(200);
    expect((await fetchDoc('tgv.lan', `/api/reports/${kt}/document.docx`)).status).toBe(200);
  });

  it('the plan kept one collection per consolidating unit: DUK, HLHPN and KBNN (not BVNN, a grassroots committee)', async () => {
    expect([...(await collections(ctx, plan.id)).keys()]).toEqual(['DUK', 'HLHPN', 'KBNN']);
  });

  it('the consolidated JSON says as of when its figures stand: the collection’s close, its cut-off and where the date came from (+07:00)', async () => {
    for (const unit of ['DUK', 'KBNN']) {
      const row = (await collection(ctx, plan.id, unit))!;
      const c = (await consolidated(ctx, plan.id, unit)) as unknown as Record<string, unknown>;
      // The contract's fields are all there, the cut-off comes in addition.
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['unitCode', 'included', 'missing', 'sections', 'indicators', 'asOf', 'asOfSource', 'cutOffAt', 'collectedAt']));
      const collectedAt = new Date(row.collected_at!).getTime();
      expect({ unit, asOf: c.asOf, asOfSource: c.asOfSource, collectedAt: c.collectedAt }).toEqual({ unit, asOf: hanoiIso(collectedAt), asOfSource: 'collected', collectedAt: hanoiIso(collectedAt) });
      expect(c.cutOffAt).toMatch(API_TIME);
      // KBNN has no consolidation deadline of its own kind: the Bloc's applies.
      expect(Date.parse(c.cutOffAt as string)).toBe(Date.parse(blocCutOff));
    }
  });

  it('once the Standing Committee approved the consolidated report, the first member to approve signs it', async () => {
    const [mai, hung] = await Promise.all([session(ctx, 'btv.mai'), session(ctx, 'btv.hung')]);
    await decidePlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation', 'approve');
    // btv.mai first: not the member named before any approval (btv.hung, first by username).
    await decidePlanTask(mai, plan.id, 'root_approval', 'approve');
    await waitFor(async () => (await ctx.db.query(`SELECT 1 FROM tasks WHERE plan_id = $1 AND stage = 'root_approval' AND decision = 'approve'`, [plan.id])).rows.length === 1, { what: 'btv.mai’s approval recorded' });
    await decidePlanTask(hung, plan.id, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed' });
    const doc = readWordFile((await fetchDoc('tgv.lan', `/api/plans/${plan.id}/consolidated.docx`)).body);
    expectInOrder(doc, ['Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', fullNameOf('btv.mai')]);
    expect(doc.xml).toContain(fullNameOf('btv.mai'));
    expect(doc.paragraphs).not.toContain(fullNameOf('btv.hung'));
  });
});
