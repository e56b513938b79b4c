import { OutlineSection, partsOf } from '@app/domain';
import { expectStatus, session } from './support/api';
import { collection, collections, consolidated, hanoiIn, waitForCollected } from './support/consolidation';
import { DOCX_TYPE, expectParagraphsInOrder, getBinary, isBold, paragraphXml, readWordFile, WordFile } from './support/docx';
import { createPlan, getPlan, getReport, importFixture, launchPlan, reportsByUnit, sectionText } from './support/factories';
import { Fixture, loadFixture, reportingUnits } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { API_TIME, hanoiDay, hanoiIso } from './support/hanoi-time';
import { decidePlanTask, figuresOf, fixtureToConsolidation, openPlanTask } from './support/plan-tasks';
import { waitFor } from './kit/poll';
import { PlanDto, ReportDto } from './support/types';

/**
 * The Word files in the Party form (domain.md, Hướng dẫn 36-HD/VPTW): a unit's report, the report
 * of an upper committee (consolidateAt ['bloc','upper']) and the Bloc's, read back from
 * word/document.xml: drafts before adoption, then numbered, dated and signed as adopted.
 */
describe('reports as Party documents (.docx)', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let outline: OutlineSection[];
  let reports: Map<string, ReportDto>;
  const units = reportingUnits(loadFixture())
    .map((u) => u.code)
    .sort();
  const figures = new Map(units.map((u, i) => [u, figuresOf(i)]));
  // XML's own characters, typographic quotes and dashes, a text in decomposed form (NFD), and one of two paragraphs.
  const SPECIAL = 'Chống "tự diễn biến", "tự chuyển hóa" & <lợi ích nhóm> — 100% chi bộ; ‘nêu gương’ của người đứng đầu';
  const NFD = 'Nguyên nhân: đoàn kết, thống nhất chưa cao; phát huy dân chủ trong Đảng còn hạn chế'.normalize('NFD');
  const TWO = ['Đoạn thứ nhất: chi bộ sinh hoạt đều đặn hằng tháng.', 'Đoạn thứ hai: chất lượng sinh hoạt chuyên đề được nâng lên.'];
  const textOf = (unit: string, key: string, part: string): string => {
    if (unit === 'HLHPN' && key === 'ethics' && part === 'strengths') return SPECIAL;
    if (unit === 'BVNN-NOI' && key === 'degradation' && part === 'causes') return NFD;
    if (unit === 'KBNN-KT' && key === 'organisation' && part === 'strengths') return TWO.join('\n');
    return sectionText(unit, key, part as Parameters<typeof sectionText>[2]);
  };
  const TITLE = 'Tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020';
  const nameOf = (code: string) => fixture.units.find((u) => u.code === code)!.name;
  const rootGroup = ['BVNN', 'BVNN-NGOAI', 'BVNN-NOI', 'HLHPN', 'KBNN'];
  const kbnnGroup = ['KBNN-KT', 'KBNN-TT', 'KBNN-VP'];
  let draftRootDoc: WordFile;
  let blocCutOff: string;
  /** dd/mm/yyyy of an instant, in Hanoi. */
  const dayOf = (at: Date | string) => hanoiDay(new Date(at).getTime()).split('-').reverse().join('/');
  const [todayY, todayM, todayD] = hanoiDay(Date.now()).split('-');
  const today = `Hà Nội, ngày ${todayD} tháng ${todayM} năm ${todayY}`;

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
    outline = (await getPlan(ctx, plan.id)).outline as OutlineSection[];
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

  const fetchDoc = (username: string, path: string) => session(ctx, username).then((who) => getBinary(who, path));
  const expectInOrder = expectParagraphsInOrder;
  const bold = isBold;
  /** Each text the outline item takes, as the unit's report wrote it. */
  const written = (unit: string) => outline.flatMap((s) => partsOf(s).map((part) => ({ key: s.key, part, text: textOf(unit, s.key, part) })));

  it('GET /api/plans/:id/consolidated.docx answers 200 with a Word file named for the unit', async () => {
    const res = await fetchDoc('tgv.lan', `/api/plans/${plan.id}/consolidated.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''[^"; ]+\.docx$/);
    expect(Buffer.isBuffer(res.body)).toBe(true);
    expect(res.body.subarray(0, 2).toString('latin1')).toBe('PK');
    draftRootDoc = readWordFile(res.body);
    expect([...draftRootDoc.entries.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(draftRootDoc.entries.get('[Content_Types].xml')!.toString('utf8')).toContain('wordprocessingml.document.main+xml');
  });

  it('before the Standing Committee adopts it, the Bloc’s report is a draft: DỰ THẢO, no number, no date, no signature', async () => {
    expectInOrder(draftRootDoc, ['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHỐI', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'BÁO CÁO', TITLE]);
    const at = draftRootDoc.paragraphs.indexOf('ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG');
    expect(draftRootDoc.paragraphs.slice(at, at + 3)).toEqual(['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHỐI', '*']);
    expect(draftRootDoc.paragraphs[at + 3]).toMatch(/^Số\s+-BC\/ĐUK$/);
    expect(draftRootDoc.paragraphs.find((p) => p.startsWith('Hà Nội, ngày'))).toMatch(/^Hà Nội, ngày\s+tháng\s+năm\s+$/);
    const firstPageHeader = [...draftRootDoc.entries]
      .filter(([name]) => /^word\/header\d+\.xml$/.test(name))
      .map(([, xml]) => xml.toString('utf8'))
      .join('');
    expect(firstPageHeader).toContain('DỰ THẢO');
    expect(draftRootDoc.paragraphs).not.toContain('T/M BAN THƯỜNG VỤ');
    expect(draftRootDoc.xml).not.toMatch(/\d+-BC\/ĐUK/);
    expect(bold(paragraphXml(draftRootDoc.xml, 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG'))).toBe(false);
    expect(bold(paragraphXml(draftRootDoc.xml, 'ĐẢNG ỦY KHỐI'))).toBe(true);
    const party = paragraphXml(draftRootDoc.xml, 'ĐẢNG CỘNG SẢN VIỆT NAM')!;
    expect(bold(party)).toBe(true);
    expect(party).toMatch(/<w:u w:val="single"\/>/);
    expect(party).toMatch(/<w:sz w:val="30"\/>/);
    const type = paragraphXml(draftRootDoc.xml, 'BÁO CÁO')!;
    expect(bold(type)).toBe(true);
    expect(type).toMatch(/<w:sz w:val="(30|32)"\/>/);
  });

  it('without a report of its own level, carries every included unit’s text under its unit name, in the outline’s parts, never an empty heading', async () => {
    for (const unit of rootGroup)
      for (const { text } of written(unit))
        expect({ unit, text, found: draftRootDoc.paragraphs.includes(`${nameOf(unit)}: ${text}`) }).toEqual({ unit, text, found: true });
    const opening = draftRootDoc.paragraphs.find((p) => p.startsWith('Thực hiện Công văn số 48-CV/TBĐLĐ'))!;
    expect(opening).toMatch(/, Ban Thường vụ Đảng ủy Khối báo cáo kết quả như sau:$/);
    expectInOrder(draftRootDoc, [opening, 'I. ĐẶC ĐIỂM TÌNH HÌNH', 'II. KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ THI HÀNH ĐIỀU LỆ ĐẢNG', 'V. KIẾN NGHỊ, ĐỀ XUẤT']);
    expectInOrder(draftRootDoc, [
      '1. Xây dựng Đảng về chính trị (cụ thể hóa nghị quyết, chương trình hành động)',
      'a) Kết quả, ưu điểm',
      'b) Tồn tại, hạn chế',
      'c) Nguyên nhân',
    ]);
    expect(draftRootDoc.paragraphs.filter((p) => p.includes('Không có nội dung'))).toEqual([]);
    // Units outside the Bloc's group (the cells of KBNN and HLHPN) speak through their committee's report; no internal code is printed.
    for (const cell of [...kbnnGroup, 'HLHPN-TC', 'HLHPN-TG']) expect(draftRootDoc.paragraphs.some((p) => p.startsWith(`${nameOf(cell)}: `))).toBe(false);
    expect(draftRootDoc.paragraphs.filter((p) => /^(BVNN|HLHPN|KBNN)[A-Z-]*: /.test(p))).toEqual([]);
  });

  it('keeps Vietnamese text intact: diacritics as UTF-8, XML characters escaped, NFD text unnormalised', async () => {
    expect(draftRootDoc.paragraphs).toContain(`${nameOf('HLHPN')}: ${SPECIAL}`);
    expect(draftRootDoc.paragraphs).toContain(`${nameOf('BVNN-NOI')}: ${NFD}`);
    expect(draftRootDoc.xml).toContain('&amp; &lt;lợi ích nhóm&gt;');
    expect(draftRootDoc.xml).not.toContain('<lợi ích nhóm>');
    expect(draftRootDoc.xml).toContain(NFD);
    expect(draftRootDoc.xml).toContain('Đảng bộ cơ quan Trung ương Hội Liên hiệp Phụ nữ Việt Nam');
    expect(draftRootDoc.xml.slice(0, 100)).toMatch(/encoding="UTF-8"/i);
  });

  it('sets Times New Roman 14 on A4 with margins 20/20/30/15 mm, the appendix on landscape pages', async () => {
    const runs = draftRootDoc.xml.match(/<w:r>|<w:r [^>]*>/g) ?? [];
    const fonts = draftRootDoc.xml.match(/<w:rFonts [^>]*\/>/g) ?? [];
    expect(runs.length).toBeGreaterThan(100);
    expect(fonts.length).toBe(runs.length);
    for (const f of new Set(fonts)) expect(f).toMatch(/w:ascii="Times New Roman"/);
    expect(draftRootDoc.styles).toMatch(/w:ascii="Times New Roman"/);
    expect(draftRootDoc.styles).toMatch(/<w:sz w:val="28"\/>/);
    // Twips are whole numbers in OOXML (ST_TwipsMeasure): Word refuses a file with "850.5".
    const [portrait, landscape] = draftRootDoc.xml.match(/<w:pgSz [^>]*\/>/g)!;
    const pgMar = draftRootDoc.xml.match(/<w:pgMar [^>]*\/>/)![0];
    const attr = (xml: string, name: string) => xml.match(new RegExp(`w:${name}="([^"]+)"`))?.[1];
    const near = (xml: string, name: string, mm: number) => {
      const value = attr(xml, name)!;
      return { name, value, integer: /^\d+$/.test(value), near: Math.abs(Number(value) - mm * 56.6929) <= 2 };
    };
    const checks = [
      near(portrait, 'w', 210),
      near(portrait, 'h', 297),
      near(pgMar, 'top', 20),
      near(pgMar, 'bottom', 20),
      near(pgMar, 'left', 30),
      near(pgMar, 'right', 15),
      near(landscape, 'w', 297),
      near(landscape, 'h', 210),
    ];
    expect(checks).toEqual(checks.map((c) => ({ ...c, integer: true, near: true })));
    expect(landscape).toContain('w:orient="landscape"');
    // The page number at the top centre, from the second page (the first page's header is its own).
    expect(draftRootDoc.xml).toMatch(/<w:titlePg\/>/);
    const headers = [...draftRootDoc.entries].filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml.toString('utf8'));
    expect(headers.some((h) => /PAGE/.test(h) && /<w:jc w:val="center"\/>/.test(h))).toBe(true);
  });

  it('ends with the recipients, then the appendix: a table per group of figures, a row per unit and the TỔNG SỐ, as of the cut-off; the units taken in', async () => {
    const c = await consolidated(ctx, plan.id);
    expectInOrder(draftRootDoc, [
      'Nơi nhận:',
      '- Ban Bí thư (để báo cáo),',
      '- Ban Chấp hành Trung ương (qua Tiểu ban Điều lệ Đảng, để báo cáo),',
      '- Ban Tổ chức Trung ương,',
      '- Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối,',
      '- Lưu: Văn phòng Đảng ủy Khối.',
      'PHỤ LỤC',
      'SỐ LIỆU CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ 2015-2020',
      '(Kèm theo dự thảo Báo cáo của Ban Thường vụ Đảng ủy Khối)',
      `Số liệu tính đến ngày ${dayOf(blocCutOff)}`,
    ]);
    const general = draftRootDoc.paragraphs.slice(draftRootDoc.paragraphs.findIndex((p) => / Một số số liệu khác$/.test(p)));
    expectInOrder({ ...draftRootDoc, paragraphs: general }, [
      'STT',
      'Đơn vị',
      'Nghị quyết đã ban hành (văn bản)',
      'Chỉ thị đã ban hành (văn bản)',
      'Đảng viên kết nạp cả nhiệm kỳ (đảng viên)',
      '1',
      nameOf('BVNN'),
      String(figures.get('BVNN')!.resolutions_issued),
      'TỔNG SỐ',
      String(c.indicators.resolutions_issued),
      String(c.indicators.directives_issued),
      String(c.indicators.members_admitted),
    ]);
    expectInOrder(draftRootDoc, ['TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ', 'Đơn vị', 'Tình trạng', 'Đúng hạn / trễ hạn', 'Số lần trả lại']);
    for (const unit of rootGroup) expectInOrder(draftRootDoc, ['TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ', nameOf(unit), 'Đã tổng hợp', 'Đúng hạn', '0']);
    const recipientsTitle = paragraphXml(draftRootDoc.xml, 'Nơi nhận:');
    expect(recipientsTitle).toMatch(/<w:u w:val="single"\/>/);
  });

  it('an upper committee’s report: what it wrote itself, adopted by its Standing Committee, numbered -BC/ĐU, its cells’ figures and total', async () => {
    const res = await fetchDoc('kbnn.bithu', `/api/plans/${plan.id}/consolidated.docx?unit=KBNN`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    const doc = readWordFile(res.body);
    expectInOrder(doc, [
      'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG',
      'ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG',
      '*',
      'Số 1-BC/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      today,
      'BÁO CÁO',
      TITLE,
    ]);
    expect(bold(paragraphXml(doc.xml, 'ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG'))).toBe(true);
    for (const { text } of written('KBNN')) expect(doc.paragraphs).toContain(text);
    // It reports to the Bloc's committee, not to the Central Committee; its Bí thư signs.
    expectInOrder(doc, [
      'Nơi nhận:',
      '- Đảng ủy Khối (để báo cáo),',
      '- Các đồng chí Ủy viên Ban Thường vụ,',
      '- Lưu: Văn phòng Đảng ủy.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Nguyễn Văn An',
      `Số liệu tính đến ngày ${dayOf((await collection(ctx, plan.id, 'KBNN'))!.cut_off_at!)}`,
    ]);
    expect(doc.paragraphs.filter((p) => /Ban Chấp hành Trung ương|Ban Bí thư/.test(p))).toEqual([]);
    const c = await consolidated(ctx, plan.id, 'KBNN');
    const general = doc.paragraphs.slice(doc.paragraphs.findIndex((p) => / Một số số liệu khác$/.test(p)));
    expectInOrder({ ...doc, paragraphs: general }, ['STT', 'Đơn vị', ...kbnnGroup.map(nameOf), 'TỔNG SỐ', String(c.indicators.resolutions_issued)]);
    expectInOrder(doc, ['TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ', ...kbnnGroup.map(nameOf)]);
    expect(doc.paragraphs.some((p) => p.startsWith(`${nameOf('BVNN')}: `))).toBe(false);
  });

  it('a cell’s own report, adopted: “Số 1-BC/CB”, the adoption date, its texts paragraph by paragraph, its own figures, signed T/M CHI BỘ by its Bí thư', async () => {
    const report = await getReport(ctx, reports.get('KBNN-KT')!.id);
    const res = await fetchDoc('kbnn-kt.soanthao', `/api/reports/${report.id}/document.docx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain(DOCX_TYPE);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+\.docx"; filename\*=UTF-8''[^"; ]+\.docx$/);
    const doc = readWordFile(res.body);
    const header = doc.paragraphs.indexOf('ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG');
    expect(doc.paragraphs.slice(header, header + 4)).toEqual(['ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC', '*', 'Số 1-BC/CB']);
    expect(bold(paragraphXml(doc.xml, 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC'))).toBe(true);
    expectInOrder(doc, ['ĐẢNG CỘNG SẢN VIỆT NAM', today, 'BÁO CÁO', TITLE, 'I. ĐẶC ĐIỂM TÌNH HÌNH', textOf('KBNN-KT', 'context', 'text')]);
    for (const { key, part, text } of written('KBNN-KT')) if (key !== 'organisation' || part !== 'strengths') expect(doc.paragraphs).toContain(text);
    // A text of two paragraphs is two paragraphs of the document, one after the other.
    const first = doc.paragraphs.indexOf(TWO[0]);
    expect(doc.paragraphs.slice(first, first + 2)).toEqual(TWO);
    expect(doc.xml).not.toMatch(/<w:t[^>]*>[^<]*\n/);
    expectInOrder(doc, [
      'Nơi nhận:',
      '- Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo),',
      '- Lưu: Chi bộ.',
      'T/M CHI BỘ',
      'BÍ THƯ',
      'Hoàng Văn Bình',
      'PHỤ LỤC',
      `(Kèm theo Báo cáo số 1-BC/CB ngày ${todayD}/${Number(todayM)}/${todayY} của Chi bộ Vụ Kế toán Nhà nước)`,
    ]);
    const general = doc.paragraphs.slice(doc.paragraphs.findIndex((p) => / Một số số liệu khác$/.test(p)));
    // One unit's figures read down the page: a row per figure, with its unit of measure.
    expectInOrder({ ...doc, paragraphs: general }, [
      'STT',
      'Chỉ tiêu',
      'Đơn vị tính',
      'Số liệu',
      '1',
      'Nghị quyết đã ban hành',
      'văn bản',
      String(figures.get('KBNN-KT')!.resolutions_issued),
    ]);
    expect(general).not.toContain('TỔNG SỐ');
    expect(doc.paragraphs.filter((p) => p.startsWith('- '))).toEqual(['- Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo),', '- Lưu: Chi bộ.']);
    expect(doc.paragraphs).not.toContain('TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ');
    // Downloaded again: the same document, number and date included.
    expect(readWordFile((await fetchDoc('kbnn-kt.capuy', `/api/reports/${report.id}/document.docx`)).body).xml).toBe(doc.xml);
  });

  it('a grassroots committee’s report is signed T/M ĐẢNG ỦY by its Bí thư under “-BC/ĐU”', async () => {
    const res = await fetchDoc('bvnn.bithu', `/api/reports/${reports.get('BVNN')!.id}/document.docx`);
    expect(res.status).toBe(200);
    const doc = readWordFile(res.body);
    expectInOrder(doc, [
      'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG',
      'ĐẢNG ỦY BỆNH VIỆN ĐA KHOA NÔNG NGHIỆP',
      '*',
      'Số 1-BC/ĐU',
      'Nơi nhận:',
      '- Đảng ủy Khối (để báo cáo),',
      '- Các đồng chí đảng ủy viên,',
      '- Lưu: Văn phòng Đảng ủy.',
      'T/M ĐẢNG ỦY',
      'BÍ THƯ',
      'Trịnh Văn Long',
    ]);
  });

  it('a plan’s own recipients for a level replace the usual ones, the file copy kept last (PUT /api/plans/:id/recipients, audited)', async () => {
    const admin = await session(ctx, 'admin');
    const res = expectStatus(
      await admin
        .put(`/api/plans/${plan.id}/recipients`)
        .send({ recipients: { cell: ['- Ban Tổ chức Đảng ủy Khối (để biết)', 'Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)'] } }),
      200,
    );
    expect(res.body.recipients).toEqual({ cell: ['- Ban Tổ chức Đảng ủy Khối (để biết)', 'Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)'] });
    try {
      const doc = readWordFile((await fetchDoc('kbnn-kt.soanthao', `/api/reports/${reports.get('KBNN-KT')!.id}/document.docx`)).body);
      expect(doc.paragraphs.filter((p) => p.startsWith('- '))).toEqual([
        '- Ban Tổ chức Đảng ủy Khối (để biết),',
        '- Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo),',
        '- Lưu: Chi bộ.',
      ]);
      const other = readWordFile((await fetchDoc('bvnn.bithu', `/api/reports/${reports.get('BVNN')!.id}/document.docx`)).body);
      expect(other.paragraphs).toContain('- Các đồng chí đảng ủy viên,');
      // What the editor shows: the plan's own lines where set, the usual ones elsewhere, as printed.
      const view = expectStatus(await admin.get(`/api/plans/${plan.id}/recipients`), 200).body as {
        recipients: unknown;
        levels: { kind: string; own: boolean; lines: string[] }[];
      };
      expect(view.recipients).toEqual(res.body.recipients);
      expect(view.levels.map((l) => l.kind)).toEqual(['bloc', 'upper', 'grassroots', 'cell']);
      expect(view.levels.find((l) => l.kind === 'cell')).toMatchObject({
        own: true,
        lines: ['Ban Tổ chức Đảng ủy Khối (để biết)', 'Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)', 'Lưu: Chi bộ'],
      });
      expect(view.levels.find((l) => l.kind === 'bloc')).toMatchObject({
        own: false,
        lines: expect.arrayContaining(['Ban Bí thư (để báo cáo)', 'Lưu: Văn phòng Đảng ủy Khối']),
      });
      expectStatus(await admin.get('/api/plans/00000000-0000-4000-8000-000000000000/recipients'), 404);
      const { rows } = await ctx.db.query<{ data: { before: unknown; after: unknown } }>(
        `SELECT data FROM audit_events WHERE action = 'plan.recipients' AND plan_id = $1`,
        [plan.id],
      );
      expect(rows).toEqual([
        { data: { before: null, after: { cell: ['- Ban Tổ chức Đảng ủy Khối (để biết)', 'Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)'] } } },
      ]);
      // A plan may bring its own from the start.
      const own = await createPlan(ctx, { recipients: { bloc: ['Ban Tổ chức Trung ương'] } } as never);
      expect((await getPlan(ctx, own.id)).recipients).toEqual({ bloc: ['Ban Tổ chức Trung ương'] });
      expectStatus(await admin.post('/api/plans').send({ ...loadFixture().plan, code: 'NN-KH/ĐUK', recipients: { cell: [''] } }), 400);
      expectStatus(await admin.put(`/api/plans/${plan.id}/recipients`).send({ recipients: { ward: ['x'] } }), 400);
      expectStatus(await admin.put(`/api/plans/${plan.id}/recipients`).send({ recipients: { cell: ['hai\ndòng'] } }), 400);
    } finally {
      expectStatus(await admin.put(`/api/plans/${plan.id}/recipients`).send({ recipients: null }), 200);
    }
  });

  it('refuses what the caller may not read: another unit’s drafter 403, a drafter asking for the Bloc’s consolidation 403, a non-consolidating unit 422, unknown ids 404, no token 401', async () => {
    const kt = reports.get('KBNN-KT')!.id;
    const cases = [
      { what: 'drafter of BVNN-NOI reads KBNN-KT’s document', res: await fetchDoc('bvnn-noi.bithu', `/api/reports/${kt}/document.docx`), status: 403 },
      { what: 'drafter of HLHPN-TC reads KBNN-KT’s document', res: await fetchDoc('hlhpn-tc.bithu', `/api/reports/${kt}/document.docx`), status: 403 },
      {
        what: 'drafter of KBNN-KT reads the Bloc’s consolidated document',
        res: await fetchDoc('kbnn-kt.soanthao', `/api/plans/${plan.id}/consolidated.docx`),
        status: 403,
      },
      {
        what: 'KBNN’s committee reads the Bloc’s consolidated document',
        res: await fetchDoc('kbnn.bithu', `/api/plans/${plan.id}/consolidated.docx`),
        status: 403,
      },
      {
        what: 'BVNN (grassroots) does not consolidate in this plan',
        res: await fetchDoc('admin', `/api/plans/${plan.id}/consolidated.docx?unit=BVNN`),
        status: 422,
      },
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
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(['unitCode', 'included', 'missing', 'sections', 'indicators', 'asOf', 'asOfSource', 'cutOffAt', 'collectedAt']),
      );
      const collectedAt = new Date(row.collected_at!).getTime();
      expect({ unit, asOf: c.asOf, asOfSource: c.asOfSource, collectedAt: c.collectedAt }).toEqual({
        unit,
        asOf: hanoiIso(collectedAt),
        asOfSource: 'collected',
        collectedAt: hanoiIso(collectedAt),
      });
      expect(c.cutOffAt).toMatch(API_TIME);
      // KBNN has no consolidation deadline of its own kind: the Bloc's applies.
      expect(Date.parse(c.cutOffAt as string)).toBe(Date.parse(blocCutOff));
    }
  });

  it('adopted by the Standing Committee, the Bloc’s report takes its number, today’s date and its signer: its Phó Bí thư, K/T, with no Bí thư in the system', async () => {
    const [mai, hung] = await Promise.all([session(ctx, 'btv.mai'), session(ctx, 'btv.hung')]);
    await decidePlanTask(await session(ctx, 'tgv.lan'), plan.id, 'consolidation', 'approve');
    // A member of the Standing Committee who is neither Bí thư nor Phó Bí thư cannot be named to sign.
    const maiTask = await openPlanTask(mai, plan.id, 'root_approval');
    const refused = await mai.post(`/api/tasks/${maiTask.id}/complete`).send({ decision: 'approve', signer: 'btv.mai' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('btv.mai không giữ chức vụ Bí thư hoặc Phó Bí thư của Đảng bộ Khối các cơ quan Trung ương');
    await decidePlanTask(mai, plan.id, 'root_approval', 'approve');
    await decidePlanTask(hung, plan.id, 'root_approval', 'approve');
    await waitFor(async () => (await getPlan(ctx, plan.id)).status === 'completed', { what: 'plan completed' });
    const doc = readWordFile((await fetchDoc('tgv.lan', `/api/plans/${plan.id}/consolidated.docx`)).body);
    expectInOrder(doc, [
      'ĐẢNG ỦY KHỐI',
      '*',
      'Số 1-BC/ĐUK',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      today,
      'Nơi nhận:',
      'T/M BAN THƯỜNG VỤ',
      'K/T BÍ THƯ',
      'PHÓ BÍ THƯ',
      'Lê Văn Hùng',
    ]);
    const firstPageHeader = [...doc.entries]
      .filter(([name]) => /^word\/header\d+\.xml$/.test(name))
      .map(([, xml]) => xml.toString('utf8'))
      .join('');
    expect(firstPageHeader).not.toContain('DỰ THẢO');
    const adoption = expectStatus(await (await session(ctx, 'kbnn.bithu')).get(`/api/plans/${plan.id}/adoption`), 200).body;
    expect(adoption.current).toMatchObject({ symbol: '1-BC/ĐUK', reportId: null, signer: { username: 'btv.hung', position: 'pho_bi_thu', how: 'deputy' } });
  });
});
