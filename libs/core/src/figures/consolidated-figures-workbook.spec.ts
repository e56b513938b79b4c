import { PassThrough } from 'node:stream';
import { Workbook } from 'exceljs';
import { figureTotals, indicatorCatalogue, UnitFigures } from '@app/domain';
import { writeConsolidatedFigures } from './consolidated-figures-workbook';

const { definitions, groups } = indicatorCatalogue('2015-2020');

function unitsOf(n: number): UnitFigures[] {
  return Array.from({ length: n }, (_, i) => ({
    unitCode: `CB-${String(i).padStart(5, '0')}`,
    unitName: `Chi bộ số ${i}`,
    // Every unit reports the whole appendix but unit 1, which reports nothing but a 0.
    indicators: i === 1 ? { members_start: 0 } : Object.fromEntries(definitions.filter((d) => !d.derivedFrom).map((d, k) => [d.key, (i + k) % 7])),
  }));
}

async function write(units: UnitFigures[]): Promise<{ bytes: Buffer; chunks: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeConsolidatedFigures(out, {
    planCode: '144-KH/ĐUK',
    term: '2015-2020',
    unitCode: 'DUK',
    unitName: 'Đảng bộ Khối',
    definitions,
    groups,
    units,
    totals: figureTotals(definitions, units),
    missing: [{ unitCode: 'HLHPN-TG', unitName: 'Chi bộ Ban Tuyên giáo' }],
  });
  return { bytes: Buffer.concat(chunks), chunks: chunks.length };
}

describe('the consolidated figures as a workbook', () => {
  it('has the totals, a sheet per appendix table with a row per unit and the totals last, and the units missing', async () => {
    const units = unitsOf(3);
    const { bytes } = await write(units);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Tổng hợp',
      'Tổ chức, đảng viên',
      'Kết nạp đảng viên',
      'Xếp loại 2015',
      'Xếp loại 2016',
      'Xếp loại 2017',
      'Xếp loại 2018',
      'Xếp loại 2019',
      'Xếp loại 2020',
      'Kiểm tra, kỷ luật',
      'Cam kết nêu gương',
      'Số liệu khác',
      'Chưa báo cáo',
    ]);
    const organisations = workbook.getWorksheet('Tổ chức, đảng viên')!;
    expect(organisations.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Mã đơn vị',
      'Tên đơn vị',
      'Tổ chức cơ sở đảng đầu nhiệm kỳ (tổ chức)',
      'Tổ chức cơ sở đảng cuối nhiệm kỳ (tổ chức)',
      'Chi bộ trực thuộc đầu nhiệm kỳ (chi bộ)',
      'Chi bộ trực thuộc cuối nhiệm kỳ (chi bộ)',
      'Đảng viên đầu nhiệm kỳ (đảng viên)',
      'Đảng viên cuối nhiệm kỳ (đảng viên)',
    ]);
    // Unit 1 reported only members_start = 0: a 0 where it reported, blanks elsewhere.
    expect(organisations.getRow(6).values).toEqual([undefined, 2, 'CB-00001', 'Chi bộ số 1', undefined, undefined, undefined, undefined, 0]);
    const totals = organisations.getRow(8);
    expect(totals.getCell(3).value).toBe('Tổng cộng');
    expect(totals.getCell(8).value).toBe(units.reduce((sum, u) => sum + (u.indicators.members_start ?? 0), 0));
    const example = workbook.getWorksheet('Cam kết nêu gương')!;
    const percentColumn = groups.find((g) => g.key === 'example')!.keys.indexOf('example_orgs_percent') + 4;
    expect(example.getRow(8).getCell(percentColumn).value).toBe(figureTotals(definitions, units).example_orgs_percent);
    expect(workbook.getWorksheet('Chưa báo cáo')!.getRow(5).values).toEqual([undefined, 1, 'HLHPN-TG', 'Chi bộ Ban Tuyên giáo']);
  });

  it('writes ten thousand units with the whole appendix as a stream, piece by piece', async () => {
    const units = unitsOf(10_000);
    const { bytes, chunks } = await write(units);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    // Written as it goes, in many pieces, not built whole and sent at the end. (How much memory that
    // saves is measured by the consolidation benchmark, not asserted here.)
    expect(chunks).toBeGreaterThan(20);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Tổ chức, đảng viên')!.rowCount).toBeGreaterThanOrEqual(10_000 + 4);
  }, 60_000);
});
