import { session } from './support/api';
import { collections, consolidated, hanoiIn, waitForCollected } from './support/consolidation';
import { DOCX_TYPE, getBinary, paragraphXml, readWordFile, WordFile } from './support/docx';
import { createPlan, getReport, importFixture, launchPlan, reportsByUnit, sectionText } from './support/factories';
import { Fixture, holders, loadFixture, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { hanoiDay } from './support/hanoi-time';
import { figuresOf, fixtureToConsolidation } from './support/plan-tasks';
import { Part, PARTS, PlanDto, ReportDto } from './support/types';

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
  const textOf = (unit: string, key: string, part: Part): string => {
    if (unit === 'HLHPN' && key === 'ethics' && part === 'strengths') return SPECIAL;
    if (unit === 'BVNN-NOI' && key === 'degradation' && part === 'lessons') return NFD;
    return sectionText(unit, key, part);
  };
  const TITLE = 'Tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020';
  const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
  const rootGroup = ['BVNN', 'BVNN-NGOAI', 'BVNN-NOI', 'HLHPN', 'KBNN'];
  const kbnnGroup = ['KBNN-KT', 'KBNN-TT', 'KBNN-VP'];
  let rootDoc: WordFile;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    const ahead = hanoiIn(5 * 86_400_000);
    const dates = { drafting: ahead, cell_approval: ahead, committee_review: ahead };
    plan = await createPlan(ctx, {
      deadlines: { cell: dates, grassroots: dates, upper: dates, bloc: { consolidation: hanoiIn(10 * 86_400_000) } },
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
  const expectInOrder = (doc: WordFile, expected: string[]) => {
    let from = 0;
    for (const text of expected) {
      const at = doc.paragraphs.indexOf(text, from);
      if (at < 0) throw new Error(`paragraph ${JSON.stringify(text)} not found after position ${from}; paragraphs: ${JSON.stringify(doc.paragraphs.slice(0, 40))}`);
      from = at + 1;
    }
  };
  const todayLine = () => {
    const [y, m, d] = hanoiDay(Date.now()).split('-');
    return `Hà Nội, ngày ${d} tháng ${Number(m)} năm ${y}`;
  };
  const bold = (xml: string | undefined) => /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(xml ?? '');

  it('GET /api/plans/:id/consolidated.docx answers 200 with a Word file named for the unit', async () => {
    const res = await fetchDoc('tgv.lan', `/api/plans/${plan.id}/consolidated.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
    expect(Buffer.isBuffer(res.body)).toBe(true);
    expect(res.body.subarray(0, 2).toString('latin1')).toBe('PK');
    rootDoc = readWordFile(res.body);
    expect([...rootDoc.entries.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(rootDoc.entries.get('[Content_Types].xml')!.toString('utf8')).toContain('wordprocessingml.document.main+xml');
  });

  it('has the Party header: the issuing body in bold capitals, “*”, “Số …-BC/ĐUK”, “ĐẢNG CỘNG SẢN VIỆT NAM”, the place and date; then BÁO CÁO and the title', async () => {
    expectInOrder(rootDoc, ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', '*', 'Số …-BC/ĐUK', 'ĐẢNG CỘNG SẢN VIỆT NAM', todayLine(), 'BÁO CÁO', TITLE]);
    expect(bold(paragraphXml(rootDoc.xml, 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG'))).toBe(true);
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

  it('ends with the summed figures and their cut-off date, the completeness annex, the signature block and the recipients', async () => {
    const c = await consolidated(ctx, plan.id);
    const [y, m, d] = hanoiDay(Date.now()).split('-');
    expectInOrder(rootDoc, [
      `Một số chỉ tiêu (số liệu tính đến ngày ${d}/${m}/${y})`,
      'Chỉ tiêu', 'Số liệu',
      'Số đảng viên được kết nạp', String(c.indicators.members_admitted),
      'PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ',
      'Đơn vị', 'Tình trạng',
      'Nơi nhận:', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ',
    ]);
    for (const unit of rootGroup) expectInOrder(rootDoc, ['PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ', nameOf(unit), 'Đã tổng hợp', 'Đúng hạn', '0']);
    expect(bold(paragraphXml(rootDoc.xml, 'Nơi nhận:'))).toBe(true);
    expect(paragraphXml(rootDoc.xml, 'Nơi nhận:')).toMatch(/<w:u w:val="single"\/>/);
  });

  it('an upper committee’s consolidated document: its superior over it, “-BC/ĐU”, its cells’ texts by name, its annex', async () => {
    const res = await fetchDoc('kbnn.bithu', `/api/plans/${plan.id}/consolidated.docx?unit=KBNN`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    const doc = readWordFile(res.body);
    expectInOrder(doc, ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', '*', 'Số …-BC/ĐU', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', TITLE]);
    expect(bold(paragraphXml(doc.xml, 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG'))).toBe(false);
    expect(bold(paragraphXml(doc.xml, 'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG'))).toBe(true);
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
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".+\.docx"$/);
    const doc = readWordFile(res.body);
    const { rows } = await ctx.db.query<{ at: Date }>(`SELECT max(submitted_at) AS at FROM report_snapshots WHERE report_id = $1`, [report.id]);
    const [y, m, d] = hanoiDay(new Date(rows[0].at).getTime()).split('-');
    expectInOrder(doc, [
      'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC', '*', 'Số …-BC/CB',
      'ĐẢNG CỘNG SẢN VIỆT NAM', `Hà Nội, ngày ${d} tháng ${Number(m)} năm ${y}`, 'BÁO CÁO', TITLE,
      `1. ${report.sections[0].title}`, 'Ưu điểm:', sectionText('KBNN-KT', report.sections[0].key, 'strengths'),
    ]);
    for (const section of report.sections) for (const part of PARTS) expect(doc.paragraphs).toContain(sectionText('KBNN-KT', section.key, part));
    expectInOrder(doc, ['Số nghị quyết ban hành', String(figures.get('KBNN-KT')!.resolutions_issued), 'Nơi nhận:', 'T/M CHI BỘ', 'BÍ THƯ']);
    const signers = holders(fixture, 'KBNN-KT', 'approver').map((u) => fixture.users.find((x) => x.username === u)!.fullName);
    expect(signers.some((name) => doc.paragraphs.includes(name))).toBe(true);
    expect(doc.paragraphs).not.toContain('PHỤ LỤC: TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ');
  });

  it('a grassroots committee’s report is signed T/M ĐẢNG ỦY under “-BC/ĐU”', async () => {
    const res = await fetchDoc('bvnn.bithu', `/api/reports/${reports.get('BVNN')!.id}/document.docx`);
    expect(res.status).toBe(200);
    const doc = readWordFile(res.body);
    expectInOrder(doc, ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG BỘ BỆNH VIỆN ĐA KHOA NÔNG NGHIỆP', 'Số …-BC/ĐU', 'Nơi nhận:', 'T/M ĐẢNG ỦY', 'BÍ THƯ']);
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
});
