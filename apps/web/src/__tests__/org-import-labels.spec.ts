import { changesNothing, countLines, positionText, problemPlace, roleText, unitFieldChanges, userFieldChanges } from '../org-import-labels';

const ZERO = { unitsCreated: 0, unitsChanged: 0, usersCreated: 0, usersChanged: 0, rolesAdded: 0, rolesRemoved: 0, positionsAdded: 0, positionsRemoved: 0 };

describe('how the preview of an organisation workbook reads', () => {
  it('places a problem as in Excel: sheet, row, column and its heading; a whole sheet or file without them', () => {
    expect(problemPlace({ sheet: 'Người dùng', row: 5, column: 'E', heading: 'Vai trò', cell: 'E5', message: '…' })).toBe(
      'Trang “Người dùng”, dòng 5, cột E (Vai trò)',
    );
    expect(problemPlace({ sheet: 'Đơn vị', row: null, column: null, heading: null, cell: null, message: '…' })).toBe('Trang “Đơn vị”');
    expect(problemPlace({ sheet: '', row: null, column: null, heading: null, cell: null, message: '…' })).toBe('Cả tệp');
  });

  it('shows the fields that change, before and after, kinds by the Party’s names and no parent as such', () => {
    expect(unitFieldChanges({ name: 'Chi bộ A', parent: 'KBNN' }, { name: 'Chi bộ An', parent: null })).toEqual([
      { label: 'Tên', before: 'Chi bộ A', after: 'Chi bộ An' },
      { label: 'Đơn vị cấp trên', before: 'KBNN', after: '(không có)' },
    ]);
    expect(unitFieldChanges(undefined, { name: 'Đảng bộ B', kind: 'upper', parent: 'DUK' })).toEqual([
      { label: 'Tên', before: '', after: 'Đảng bộ B' },
      { label: 'Loại', before: '', after: 'Đảng bộ cấp trên cơ sở' },
      { label: 'Đơn vị cấp trên', before: '', after: 'DUK' },
    ]);
    expect(userFieldChanges({ email: 'a@x.vn' }, { email: 'b@x.vn' })).toEqual([{ label: 'Thư điện tử', before: 'a@x.vn', after: 'b@x.vn' }]);
  });

  it('names roles and positions with their unit, the administrator’s role held everywhere as such', () => {
    expect(roleText({ unit: 'KBNN-KT', role: 'drafter' })).toBe('Soạn thảo – KBNN-KT');
    expect(roleText({ unit: null, role: 'admin' })).toBe('Quản trị – toàn hệ thống');
    expect(positionText({ unit: 'KBNN', position: 'bi_thu' })).toBe('Bí thư – KBNN');
  });

  it('counts what would change, and knows a file that changes nothing whatever it leaves out', () => {
    expect(changesNothing({ ...ZERO })).toBe(true);
    expect(changesNothing({ ...ZERO, rolesRemoved: 1 })).toBe(false);
    expect(countLines({ ...ZERO, usersCreated: 3, usersNotInFile: 12 })).toContainEqual({ label: 'Người dùng thêm mới', value: 3 });
    expect(countLines({ unitsCreated: 2 })).toEqual([{ label: 'Đơn vị thêm mới', value: 2 }]);
  });
});
