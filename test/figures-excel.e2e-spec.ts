import { Workbook, Worksheet } from 'exceljs';
import { expectStatus, session, Session } from './support/api';
import { aheadPlan } from './support/ahead-plan';
import { getBinary } from './support/docx';
import { events, getReport, importFixture, launchPlan, reportsByUnit } from './support/factories';
import { Fixture, holders } from './support/fixture';
import { E2eContext, startE2e, stopE2e } from './support/harness';
import { fixtureToConsolidation } from './support/plan-tasks';
import { PlanDto, ReportDto } from './support/types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The row of a figure in an appendix workbook, found by the key in its hidden first column. */
function figureRow(workbook: Workbook, key: string): { sheet: Worksheet; row: number } {
  for (const sheet of workbook.worksheets) {
    let found = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === key) found = n;
    });
    if (found) return { sheet, row: found };
  }
  throw new Error(`no row for ${key}`);
}

async function load(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/**
 * The appendix of figures in Excel: a drafter downloads the report's template, fills it offline and
 * uploads it (applied as one audited edit, or refused whole with every bad cell named by sheet, row
 * and column); a consolidating level reads its units' figures side by side with the totals.
 */
describe('figures in and out of Excel', () => {
  let ctx: E2eContext;
  let fixture: Fixture;
  let plan: PlanDto;
  let reports: Map<string, ReportDto>;
  let drafter: Session;
  let kt: string;
  const upload = (who: Session, bytes: Buffer, type = XLSX) => who.put(`/api/reports/${kt}/indicators.xlsx`).set('Content-Type', type).send(bytes);
  const xlsxEdits = async () => (await ctx.db.query(`SELECT data FROM audit_events WHERE report_id = $1 AND action = 'edit_indicators'`, [kt])).rows;

  beforeAll(async () => {
    ctx = await startE2e();
    fixture = await importFixture(ctx);
    // KBNN consolidates its cells, so its figures come unit by unit too.
    plan = await aheadPlan(ctx, { consolidateAt: ['upper'] });
    await launchPlan(ctx, plan.id);
    reports = await reportsByUnit(ctx, plan.id);
    kt = reports.get('KBNN-KT')!.id;
    drafter = await session(ctx, holders(fixture, 'KBNN-KT', 'drafter')[0]);
  }, 60_000);

  afterAll(async () => {
    await stopE2e(ctx);
  });

  it('the drafter downloads the report’s appendix: a sheet per table, Vietnamese labels, the key in a hidden column', async () => {
    expectStatus(await drafter.put(`/api/reports/${kt}/indicators`).send({ members_start: 28 }), 200);
    const res = await getBinary(drafter, `/api/reports/${kt}/indicators.xlsx`);
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''so-lieu-KBNN-KT.xlsx");
    const workbook = await load(res.body);
    expect(workbook.worksheets[0].name).toBe('Tổ chức, đảng viên');
    expect(workbook.worksheets).toHaveLength(11);
    expect(workbook.worksheets[0].getColumn(1).hidden).toBe(true);
    expect(String(workbook.worksheets[0].getCell('B2').value)).toContain('Chi bộ Vụ Kế toán Nhà nước');
    const members = figureRow(workbook, 'members_start');
    expect(members.sheet.getRow(members.row).values).toEqual([undefined, 'members_start', 5, 'Đảng viên đầu nhiệm kỳ', 'đảng viên', 'Số nguyên', 28, '']);
  });

  it('fills it offline and uploads it: the figures are applied as one audited edit, a blank cell clears a figure', async () => {
    const workbook = await load((await getBinary(drafter, `/api/reports/${kt}/indicators.xlsx`)).body);
    const set = (key: string, value: unknown) => {
      const { sheet, row } = figureRow(workbook, key);
      sheet.getRow(row).getCell(6).value = value as never;
    };
    set('members_start', null);
    set('members_end', 32);
    set('example_orgs_total', 5);
    set('example_orgs_committed', 4);
    set('members_admitted_2016', '2');
    set('lecturers', 0);
    const res = expectStatus(await upload(drafter, Buffer.from(await workbook.xlsx.writeBuffer())), 200, 'upload');
    const expected = { members_end: 32, example_orgs_total: 5, example_orgs_committed: 4, members_admitted_2016: 2, lecturers: 0 };
    expect(res.body.indicators).toEqual(expected);
    expect(res.body.derivedIndicators).toEqual({ example_orgs_percent: 80 });
    expect((await getReport(ctx, kt)).indicators).toEqual(expected);
    const edits = await xlsxEdits();
    expect(edits).toHaveLength(2);
    expect(edits[1].data).toMatchObject({ from: 'xlsx', indicators: { ...expected, members_start: null } });
    expect((await events(ctx, kt)).filter((e) => e.action === 'edit_indicators').map((e) => e.actor)).toEqual([drafter.username, drafter.username]);

    // Downloaded again, the file holds what was uploaded, and the percentage computed.
    const again = await load((await getBinary(drafter, `/api/reports/${kt}/indicators.xlsx`)).body);
    const percent = figureRow(again, 'example_orgs_percent');
    expect(percent.sheet.getRow(percent.row).getCell(6).value).toBe(80);
    const end = figureRow(again, 'members_end');
    expect(end.sheet.getRow(end.row).getCell(6).value).toBe(32);
  });

  it('an upload with bad cells is refused whole, each bad cell named by sheet, row and column in Vietnamese; nothing changes', async () => {
    const before = (await getReport(ctx, kt)).indicators;
    const workbook = await load((await getBinary(drafter, `/api/reports/${kt}/indicators.xlsx`)).body);
    const set = (key: string, value: unknown) => {
      const { sheet, row } = figureRow(workbook, key);
      sheet.getRow(row).getCell(6).value = value as never;
      return { sheet: sheet.name, row, column: 'F', cell: `F${row}`, key };
    };
    set('members_start', 40);
    const negative = set('members_end', -2);
    const words = set('lecturers', 'hai người');
    const fraction = set('members_admitted_2017', 1.5);
    const res = expectStatus(await upload(drafter, Buffer.from(await workbook.xlsx.writeBuffer())), 400, 'bad upload');
    expect(res.body.message).toMatch(/^Bảng tính có 3 ô chưa hợp lệ; chưa lưu số liệu nào/);
    expect(res.body.problems).toEqual([
      { ...negative, message: 'Đảng viên cuối nhiệm kỳ: Không được là số âm' },
      { ...fraction, message: 'Kết nạp năm 2017: Phải là số nguyên (không có phần thập phân)' },
      { ...words, message: 'Báo cáo viên (Chỉ thị số 04): Phải là một số' },
    ]);
    expect((await getReport(ctx, kt)).indicators).toEqual(before);
    expect(await xlsxEdits()).toHaveLength(2);

    // Right one by one, wrong together: the committed organisations outnumber those required.
    const contradicting = await load((await getBinary(drafter, `/api/reports/${kt}/indicators.xlsx`)).body);
    const committed = figureRow(contradicting, 'example_orgs_committed');
    committed.sheet.getRow(committed.row).getCell(6).value = 9;
    const refused = expectStatus(await upload(drafter, Buffer.from(await contradicting.xlsx.writeBuffer())), 400).body;
    expect(refused.problems).toEqual([
      {
        sheet: 'Cam kết nêu gương',
        row: committed.row,
        column: 'F',
        cell: `F${committed.row}`,
        key: 'example_orgs_committed',
        message: expect.stringMatching(/lớn hơn tổng số/),
      },
    ]);
    expect((await getReport(ctx, kt)).indicators).toEqual(before);
  });

  it('takes only an .xlsx, from the report’s drafter, within 2 MB, after authentication', async () => {
    const notAWorkbook = expectStatus(await upload(drafter, Buffer.from('Số liệu: 12 đảng viên')), 400).body;
    expect(notAWorkbook.problems).toEqual([expect.objectContaining({ message: 'Tệp không phải là bảng tính Excel (.xlsx)' })]);
    expectStatus(await drafter.put(`/api/reports/${kt}/indicators.xlsx`).send({ members_start: 1 }), 415);
    expectStatus(await upload(drafter, Buffer.alloc(2 * 1024 * 1024 + 1)), 413);
    expectStatus(await upload(await session(ctx, 'kbnn-kt.bithu'), Buffer.from('x')), 403);
    expectStatus(await ctx.http.put(`/api/reports/${kt}/indicators.xlsx`).set('Content-Type', XLSX).send(Buffer.from('x')), 401);
    expect(await xlsxEdits()).toHaveLength(2);
  });

  it('the OpenAPI document describes the upload’s body, its refusal, and the fields the views add', async () => {
    const doc = expectStatus(await (await session(ctx, 'admin')).get('/docs-json'), 200).body;
    const upload = doc.paths['/api/reports/{id}/indicators.xlsx'].put;
    expect(Object.keys(upload.requestBody.content)).toEqual([XLSX]);
    expect(Object.keys(doc.paths['/api/reports/{id}/indicators.xlsx'].get.responses['200'].content)).toEqual([XLSX]);
    expect(upload.responses['400'].content['application/json'].schema.$ref).toBe('#/components/schemas/UploadRefusedView');
    expect(Object.keys(doc.paths['/api/plans/{id}/indicators.xlsx'].get.responses['200'].content)).toEqual([XLSX]);
    expect(Object.keys(doc.components.schemas.ReportView.properties)).toEqual(expect.arrayContaining(['sections', 'indicators', 'derivedIndicators']));
    expect(Object.keys(doc.components.schemas.ReportSectionView.properties)).toEqual(expect.arrayContaining(['part', 'takes', 'guidance', 'text']));
    expect(Object.keys(doc.components.schemas.ConsolidatedView.properties)).toEqual(expect.arrayContaining(['indicatorBreakdown']));
    expect(doc.components.schemas.AttributedTextView.properties).toHaveProperty('unitName');
    expect(Object.keys(doc.components.schemas.PlanView.properties)).toEqual(
      expect.arrayContaining(['indicatorNames', 'indicatorDefinitions', 'indicatorGroups']),
    );
    expect(Object.keys(doc.components.schemas.OutlineSectionDto.properties)).toEqual(['key', 'title', 'required', 'part', 'takes', 'guidance']);
  });

  it('a consolidating level reads its units’ figures side by side, with the totals; the root lists who is missing', async () => {
    const figures: Record<string, Record<string, number>> = {
      'KBNN-KT': { members_end: 32 },
      'KBNN-TT': { members_end: 10, members_start: 0, example_orgs_total: 5, example_orgs_committed: 1 },
      'KBNN-VP': { resolutions_issued: 2 },
    };
    await Promise.all(Object.entries(figures).map(([unit, values]) => fixtureToConsolidation(ctx, fixture, unit, reports.get(unit)!.id, values)));
    const reviewer = await session(ctx, 'kbnn.bithu');
    const res = await getBinary(reviewer, `/api/plans/${plan.id}/indicators.xlsx?unit=KBNN`);
    expectStatus(res, 200);
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''so-lieu-tong-hop-KBNN.xlsx");
    const workbook = await load(res.body);
    expect(workbook.worksheets[0].name).toBe('Tổng hợp');
    const sheet = workbook.getWorksheet('Tổ chức, đảng viên')!;
    const rows = [5, 6, 7, 8].map((n) => sheet.getRow(n).values as unknown[]);
    // STT, code, name, then org_grassroots_start … members_start (col 8), members_end (col 9).
    expect(rows.map((r) => [r[2], r[3], r[8], r[9]])).toEqual([
      ['KBNN-KT', 'Chi bộ Vụ Kế toán Nhà nước', undefined, 32],
      ['KBNN-TT', fixture.units.find((u) => u.code === 'KBNN-TT')!.name, 0, 10],
      ['KBNN-VP', fixture.units.find((u) => u.code === 'KBNN-VP')!.name, undefined, undefined],
      [undefined, 'Tổng cộng', 0, 42],
    ]);
    const example = workbook.getWorksheet('Cam kết nêu gương')!;
    const totals = example.getRow(8).values as unknown[];
    // example_orgs_total, committed, percent: (4 + 1) of (5 + 5) = 50%, recomputed, never summed.
    expect(totals.slice(4, 7)).toEqual([10, 5, 50]);

    expectStatus(await getBinary(drafter, `/api/plans/${plan.id}/indicators.xlsx?unit=KBNN`), 403);
    const root = await load(expectStatus(await getBinary(await session(ctx, 'tgv.lan'), `/api/plans/${plan.id}/indicators.xlsx`), 200).body);
    expect(root.getWorksheet('Chưa báo cáo')!.getRow(5).getCell(2).value).toBeTruthy();
  });
});
