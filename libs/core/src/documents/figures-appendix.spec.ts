import { figuresTables, formatFigure } from './figures-appendix';

const keys = ['members_start', 'members_end', 'example_orgs_total', 'example_orgs_committed', 'example_orgs_percent', 'resolutions_issued'];
const kt = {
  unitCode: 'KBNN-KT',
  unitName: 'Chi bộ Vụ Kế toán Nhà nước',
  indicators: { members_start: 18, members_end: 21, example_orgs_total: 4, example_orgs_committed: 3, resolutions_issued: 1200 },
};
const tt = { unitCode: 'KBNN-TT', unitName: 'Chi bộ Cục Thanh toán', indicators: { members_start: 12, example_orgs_total: 2, example_orgs_committed: 2 } };

describe('figuresTables: the appendix of figures', () => {
  it('one table per group: STT, Đơn vị, each figure with its unit; a row per unit and the TỔNG SỐ row', () => {
    const tables = figuresTables('2015-2020', keys, [kt, tt], [kt, tt]);
    expect(tables.map((t) => t.title)).toEqual([
      'Bảng 1. Tổ chức đảng và đảng viên đầu, cuối nhiệm kỳ',
      'Bảng 2. Thực hiện cam kết nêu gương (Quy định 08-QĐi/TW)',
      'Bảng 3. Một số số liệu khác',
    ]);
    expect(tables[0].columns).toEqual(['STT', 'Đơn vị', 'Đảng viên đầu nhiệm kỳ (đảng viên)', 'Đảng viên cuối nhiệm kỳ (đảng viên)']);
    // A blank stays blank, in the unit's row and in the total of a figure nobody reported.
    expect(tables[0].rows).toEqual([
      ['1', 'Chi bộ Vụ Kế toán Nhà nước', '18', '21'],
      ['2', 'Chi bộ Cục Thanh toán', '12', ''],
    ]);
    expect(tables[0].total).toEqual(['', 'TỔNG SỐ', '30', '21']);
    // The percentage is computed per unit and recomputed from the summed counts, never summed.
    expect(tables[1].columns.slice(2)).toEqual([
      'Tổ chức đảng phải xây dựng cam kết nêu gương (tổ chức)',
      'Tổ chức đảng đã có cam kết nêu gương (tổ chức)',
      'Tỷ lệ tổ chức đảng có cam kết nêu gương (%)',
    ]);
    expect(tables[1].rows.map((r) => r[4])).toEqual(['75', '100']);
    expect(tables[1].total).toEqual(['', 'TỔNG SỐ', '6', '5', '83,33']);
    expect(tables[2].rows[0]).toEqual(['1', 'Chi bộ Vụ Kế toán Nhà nước', '1.200']);
  });

  it('a unit’s own report: a row per figure of each table it reported in, no total', () => {
    const tables = figuresTables('2015-2020', keys, [kt], null);
    expect(tables[0]).toEqual({
      title: 'Bảng 1. Tổ chức đảng và đảng viên đầu, cuối nhiệm kỳ',
      layout: 'by-figure',
      columns: ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Số liệu'],
      rows: [
        ['1', 'Đảng viên đầu nhiệm kỳ', 'đảng viên', '18'],
        ['2', 'Đảng viên cuối nhiệm kỳ', 'đảng viên', '21'],
      ],
      total: null,
    });
    expect(tables[1].rows.map((r) => r[3])).toEqual(['4', '3', '75']);
  });

  it('leaves out a table nobody reported anything in', () => {
    const nothingOnExample = { ...kt, indicators: { members_start: 18 } };
    expect(figuresTables('2015-2020', keys, [nothingOnExample], null).map((t) => t.title)).toEqual(['Bảng 1. Tổ chức đảng và đảng viên đầu, cuối nhiệm kỳ']);
    expect(figuresTables('2015-2020', keys, [{ ...kt, indicators: {} }], null)).toEqual([]);
  });

  it('an abridged consolidation lists some units and totals them all', () => {
    const [first] = figuresTables('2015-2020', keys, [tt], [kt, tt]);
    expect(first.rows).toEqual([['1', 'Chi bộ Cục Thanh toán', '12', '']]);
    expect(first.total).toEqual(['', 'TỔNG SỐ', '30', '21']);
  });

  it('writes numbers as Vietnamese documents do', () => {
    expect(formatFigure(1234567, { kind: 'count' })).toBe('1.234.567');
    expect(formatFigure(0, { kind: 'count' })).toBe('0');
    expect(formatFigure(45.5, { kind: 'percent' })).toBe('45,5');
    expect(formatFigure(1234.25, { kind: 'decimal' })).toBe('1.234,25');
    expect(formatFigure(undefined, { kind: 'count' })).toBe('');
  });
});
