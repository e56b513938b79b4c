import { Workbook } from 'exceljs';
import { indicatorCatalogue, withDerived } from '@app/domain';
import { readAppendix } from './appendix-reader';
import { appendixTemplate } from './appendix-template';
import { assertSafeXlsxArchive } from './xlsx-archive-guard';

const { definitions, groups } = indicatorCatalogue('2015-2020');
const entered = { members_start: 120, members_end: 131, example_orgs_total: 4, example_orgs_committed: 3, lecturers: 0 };

async function template(values = entered): Promise<Buffer> {
  return appendixTemplate({
    unitCode: 'KBNN',
    unitName: 'Đảng bộ Kho bạc Nhà nước',
    planCode: '144-KH/ĐUK',
    term: '2015-2020',
    definitions,
    groups,
    entered: values,
    derived: { example_orgs_percent: 75 },
  });
}

/** The row of a figure in the template, by its hidden key. */
function rowOf(workbook: Workbook, key: string) {
  for (const sheet of workbook.worksheets) {
    let found: number | undefined;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === key) found = n;
    });
    if (found) return { sheet, row: found };
  }
  throw new Error(`no row for ${key}`);
}

describe('the appendix as a workbook', () => {
  it('has a sheet per appendix table, Vietnamese headings, the key hidden, the current values and the percentages computed', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await template()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
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
    ]);
    const first = workbook.worksheets[0];
    expect(first.getColumn(1).hidden).toBe(true);
    expect(first.getRow(5).values).toEqual([undefined, 'Mã', 'STT', 'Chỉ tiêu', 'Đơn vị tính', 'Loại số liệu', 'Số liệu', 'Ghi chú']);
    const members = rowOf(workbook, 'members_start');
    expect(members.sheet.getRow(members.row).values).toEqual([undefined, 'members_start', 5, 'Đảng viên đầu nhiệm kỳ', 'đảng viên', 'Số nguyên', 120, '']);
    const percent = rowOf(workbook, 'example_orgs_percent');
    expect(percent.sheet.getRow(percent.row).getCell(6).value).toBe(75);
    expect(String(percent.sheet.getRow(percent.row).getCell(7).value)).toMatch(/^Tính tự động/);
    const blank = rowOf(workbook, 'members_admitted_2016');
    expect(blank.sheet.getRow(blank.row).getCell(6).value).toBeNull();
  });

  it('reads back what it was given: a blank is not reported (null), 0 is 0, percentages are never read', async () => {
    const bytes = await template();
    await assertSafeXlsxArchive(bytes);
    const read = await readAppendix(bytes, definitions);
    expect(read.problems).toEqual([]);
    expect(Object.fromEntries(Object.entries(read.edit).filter(([, v]) => v !== null))).toEqual(entered);
    expect(read.edit.members_admitted_2016).toBeNull();
    expect(read.edit).not.toHaveProperty('example_orgs_percent');
    expect(withDerived(definitions, entered).example_orgs_percent).toBe(75);
  });

  it('reads what a person typed, the Vietnamese way too, and names every bad cell by sheet, row and column', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await template()) as unknown as ArrayBuffer);
    const set = (key: string, value: unknown) => {
      const { sheet, row } = rowOf(workbook, key);
      sheet.getRow(row).getCell(6).value = value as never;
      return { sheet: sheet.name, row };
    };
    set('members_end', '  140 ');
    set('inspected_orgs', { formula: '2+3', result: 5 });
    set('members_start', '');
    const fraction = set('members_admitted_2017', 2.5);
    const negative = set('discipline_warning', -1);
    const text = set('lecturers', 'mười hai');
    const duplicate = workbook.worksheets[0].addRow(['members_end', 99, 'Trùng', '', '', 7]);
    const unknown = workbook.worksheets[0].addRow(['khong_co', 100, 'Không có', '', '', 1]);
    const read = await readAppendix(Buffer.from(await workbook.xlsx.writeBuffer()), definitions);
    expect(read.edit).toMatchObject({ members_end: 140, inspected_orgs: 5, members_start: null });
    expect(read.problems).toEqual([
      {
        sheet: 'Tổ chức, đảng viên',
        row: duplicate.number,
        column: 'F',
        cell: `F${duplicate.number}`,
        key: 'members_end',
        message: expect.stringMatching(/đã có ở trang “Tổ chức, đảng viên”/),
      },
      {
        sheet: 'Tổ chức, đảng viên',
        row: unknown.number,
        column: 'A',
        cell: `A${unknown.number}`,
        key: 'khong_co',
        message: expect.stringMatching(/không có trong kế hoạch/),
      },
      { ...fraction, column: 'F', cell: `F${fraction.row}`, key: 'members_admitted_2017', message: expect.stringMatching(/số nguyên/) },
      { ...negative, column: 'F', cell: `F${negative.row}`, key: 'discipline_warning', message: expect.stringMatching(/âm/) },
      { ...text, column: 'F', cell: `F${text.row}`, key: 'lecturers', message: expect.stringMatching(/Phải là một số/) },
    ]);
  });

  it('finds its columns by their headings, so an inserted column of notes still maps back', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await template()) as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets) sheet.spliceColumns(3, 0, []);
    const { sheet, row } = rowOf(workbook, 'members_start');
    sheet.getRow(row).getCell(7).value = 118;
    const read = await readAppendix(Buffer.from(await workbook.xlsx.writeBuffer()), definitions);
    expect(read.problems).toEqual([]);
    expect(read.edit.members_start).toBe(118);
  });

  it('refuses a workbook without the appendix’s headings', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Trang 1').addRow(['Số đảng viên', 12]);
    await expect(readAppendix(Buffer.from(await workbook.xlsx.writeBuffer()), definitions)).rejects.toThrow(/Không tìm thấy bảng số liệu/);
  });
});
