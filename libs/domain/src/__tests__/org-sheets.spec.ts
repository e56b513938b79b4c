import { isEmail } from 'class-validator';
import { codeProblem } from '../../../../apps/api/src/common/text-rules';
import { sheetCodeProblem, sheetEmailProblem, sheetUsernameProblem } from '../org-sheet-fields';
import { PERSON_COLUMNS, PersonColumn, UNIT_COLUMNS, UnitColumn } from '../org-sheet-layout';
import { positionOfName, roleOfName, splitRoleNames, unitKindOfName } from '../org-sheet-names';
import { SheetProblem, SheetTable } from '../org-sheet-problems';
import { KnownOrg, OrgSheets, readOrgSheets } from '../org-sheet-read';

const LETTERS = 'ABCDEF';
const unitTable = (rows: string[][]): SheetTable<UnitColumn> =>
  table(
    'Đơn vị',
    UNIT_COLUMNS.map((c) => c.key),
    rows,
  );
const peopleTable = (rows: string[][]): SheetTable<PersonColumn> =>
  table(
    'Người dùng',
    PERSON_COLUMNS.map((c) => c.key),
    rows,
  );
function table<K extends string>(sheet: string, keys: K[], rows: string[][]): SheetTable<K> {
  return {
    sheet,
    columns: Object.fromEntries(keys.map((k, i) => [k, LETTERS[i]])) as Record<K, string>,
    rows: rows.map((cells, i) => ({ row: i + 2, cells: Object.fromEntries(keys.map((k, j) => [k, cells[j] ?? ''])) as Record<K, string> })),
  };
}
const NOTHING_KNOWN: KnownOrg = { unitParents: new Map(), secretaries: new Map(), activeAdmins: new Set(['quantri']), inactiveUsers: new Set() };
const read = (units: string[][], people: string[][], known: Partial<KnownOrg> = {}, extra: Partial<OrgSheets> = {}) =>
  readOrgSheets({ units: unitTable(units), people: peopleTable(people), otherHeadings: [], ...extra }, { ...NOTHING_KNOWN, ...known });
const where = (problems: SheetProblem[]) => problems.map((p) => `${p.sheet}!${p.cell ?? '-'}: ${p.message}`);

const TREE = [
  ['DUK', 'Đảng bộ Khối các cơ quan Trung ương', 'Đảng bộ Khối', '', 'Hà Nội'],
  ['KBNN', 'Đảng bộ Kho bạc Nhà nước', 'Đảng bộ cấp trên cơ sở', 'DUK', ''],
  ['BNĐ', 'Chi bộ Báo Nhân dân', 'Chi bộ cơ sở', 'DUK', ''],
  ['KBNN-KT', 'Chi bộ Vụ Kế toán', 'Chi bộ trực thuộc', 'KBNN', ''],
];

describe('the names a workbook uses', () => {
  it('reads the Party’s names of the kinds, both names of a grassroots body, loosely typed', () => {
    expect(
      ['Đảng bộ Khối', 'đảng bộ  cấp trên cơ sở', 'Đảng bộ cơ sở', 'CHI BỘ CƠ SỞ', 'Chi bộ trực thuộc'.normalize('NFD'), 'cell'].map(unitKindOfName),
    ).toEqual(['bloc', 'upper', 'grassroots', 'grassroots', 'cell', 'cell']);
    expect(unitKindOfName('Chi bộ')).toBeNull();
  });

  it('reads roles and positions by their Vietnamese names, the tone of “uỷ” placed either way', () => {
    expect(['Soạn thảo', 'Thông qua (cấp uỷ)', 'thẩm định (cấp ủy cấp trên)', 'Tổ giúp việc', 'Quản trị', 'reviewer'].map(roleOfName)).toEqual([
      'drafter',
      'approver',
      'reviewer',
      'consolidator',
      'admin',
      'reviewer',
    ]);
    expect(['Bí thư', 'Phó Bí thư', 'Uỷ viên Ban Thường vụ', 'Cấp ủy viên', 'Đảng viên'].map(positionOfName)).toEqual([
      'bi_thu',
      'pho_bi_thu',
      'uv_btv',
      'cap_uy_vien',
      'dang_vien',
    ]);
    expect(roleOfName('Phê duyệt')).toBeNull();
    expect(splitRoleNames(' Soạn thảo, Thông qua (cấp ủy);; ')).toEqual(['Soạn thảo', 'Thông qua (cấp ủy)']);
  });
});

describe('the cells’ rules are the JSON import’s', () => {
  it('accepts a code exactly when the API’s text rules do', () => {
    const samples = ['KBNN-KT', 'ĐUK', 'Chi-bộ_1.2/3', '-KT', 'KB NN', 'KBΝΝ', 'a'.repeat(64), 'a'.repeat(65), 'Ả', 'x\u202e', 'số1', 'ǅ', '١٢'];
    for (const sample of samples) expect([sample, sheetCodeProblem(sample) === null]).toEqual([sample, codeProblem(sample) === null]);
  });

  it('accepts only e-mail addresses the JSON import’s @IsEmail accepts, and the usual ones', () => {
    for (const good of ['nguyenvana@dangbo.vn', 'a.b+c@sub.example.com.vn', 'x_y@d-b.org']) expect(sheetEmailProblem(good)).toBeNull();
    for (const bad of ['khong-co-a-cong', 'a@b', 'a @b.vn', 'a@b..vn', '.a@b.vn', 'a.@b.vn', '"a"@b.vn', 'a@b.vn>', 'a@-b.vn'])
      expect(sheetEmailProblem(bad)).not.toBeNull();
    for (const sample of ['nguyenvana@dangbo.vn', 'a.b+c@sub.example.com.vn', 'x_y@d-b.org']) expect(isEmail(sample)).toBe(true);
  });

  it('takes usernames as the JSON import does: lower-case ASCII, digits and . _ -', () => {
    expect(['kbnn.bithu', 'a-1_b'].map(sheetUsernameProblem)).toEqual([null, null]);
    expect(['Kbnn', 'nguyễn', '.a', 'a b', 'a'.repeat(101)].every((u) => sheetUsernameProblem(u) !== null)).toBe(true);
  });
});

describe('reading an organisation workbook', () => {
  it('makes the import of a correct workbook: kinds, parents, places given or left to the stored one, people gathered from their rows', () => {
    const result = read(TREE, [
      ['kbnn.bithu', 'Trần Văn Bình', 'binh@kbnn.vn', 'KBNN', 'Thông qua (cấp ủy), Thẩm định (cấp ủy cấp trên)', 'Bí thư'],
      ['kbnn.bithu', '', '', 'KBNN-KT', 'Thẩm định (cấp ủy cấp trên)', 'Đảng viên'],
      ['quantri', 'Nguyễn Quản Trị', 'quantri@duk.vn', '', 'Quản trị', ''],
      ['khong.vaitro', 'Lê Thị Không', 'khong@duk.vn', '', '', ''],
      ['', '', '', '', '', ''],
    ]);
    expect(result.problems).toEqual([]);
    expect(result.units).toEqual([
      { code: 'DUK', name: 'Đảng bộ Khối các cơ quan Trung ương', kind: 'bloc', parent: null, place: 'Hà Nội' },
      { code: 'KBNN', name: 'Đảng bộ Kho bạc Nhà nước', kind: 'upper', parent: 'DUK' },
      { code: 'BNĐ', name: 'Chi bộ Báo Nhân dân', kind: 'grassroots', parent: 'DUK' },
      { code: 'KBNN-KT', name: 'Chi bộ Vụ Kế toán', kind: 'cell', parent: 'KBNN' },
    ]);
    expect(result.users).toEqual([
      {
        username: 'kbnn.bithu',
        fullName: 'Trần Văn Bình',
        email: 'binh@kbnn.vn',
        roles: [
          { unit: 'KBNN', role: 'approver' },
          { unit: 'KBNN', role: 'reviewer' },
          { unit: 'KBNN-KT', role: 'reviewer' },
        ],
        positions: [
          { unit: 'KBNN', position: 'bi_thu' },
          { unit: 'KBNN-KT', position: 'dang_vien' },
        ],
      },
      { username: 'quantri', fullName: 'Nguyễn Quản Trị', email: 'quantri@duk.vn', roles: [{ unit: null, role: 'admin' }], positions: [] },
      { username: 'khong.vaitro', fullName: 'Lê Thị Không', email: 'khong@duk.vn', roles: [], positions: [] },
    ]);
  });

  it('names every wrong cell of the units sheet by sheet, row and column, in Vietnamese', () => {
    const { problems, units } = read(
      [
        ['DUK', 'Đảng bộ Khối', 'Đảng bộ Khối', '', ''],
        ['KB NN', 'Đảng bộ Kho bạc', 'Đảng bộ cấp trên cơ sở', 'DUK', ''],
        ['KBNN', '', 'Chi bộ', 'KHONG-CO', ''],
        ['DUK', 'Trùng mã', 'Đảng bộ Khối', '', ''],
        ['TU-THAN', 'Tự là cấp trên', 'Chi bộ trực thuộc', 'TU-THAN', 'Hà\nNội'],
      ],
      [],
    );
    expect(where(problems)).toEqual([
      'Đơn vị!A3: Mã đơn vị “KB NN” chỉ gồm chữ cái tiếng Việt, chữ số và các dấu - . / _ (không được có dấu cách)',
      'Đơn vị!B4: Chưa có tên đơn vị',
      'Đơn vị!C4: Loại đơn vị “Chi bộ” không có; chọn một trong: Đảng bộ Khối, Đảng bộ cấp trên cơ sở, Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc',
      'Đơn vị!A5: Mã đơn vị “DUK” trùng với dòng 2; mỗi đơn vị chỉ ghi một dòng',
      'Đơn vị!D6: Đơn vị không thể là cấp trên của chính nó',
      'Đơn vị!E6: Địa danh không được chứa ký tự xuống dòng, ký tự điều khiển hay ký tự đổi chiều văn bản',
    ]);
    expect(problems[0]).toEqual({ sheet: 'Đơn vị', row: 3, column: 'A', heading: 'Mã đơn vị', cell: 'A3', message: expect.any(String) });
    expect(units.map((u) => u.code)).toEqual(['DUK']);
  });

  it('finds a parent in the file or among the stored units, and refuses one in neither', () => {
    const known = { unitParents: new Map([['DUK', null]]) };
    expect(read([['KBNN', 'Đảng bộ Kho bạc', 'Đảng bộ cấp trên cơ sở', 'DUK', '']], [], known).problems).toEqual([]);
    expect(where(read([['KBNN', 'Đảng bộ Kho bạc', 'Đảng bộ cấp trên cơ sở', 'KHONG-CO', '']], [], known).problems)).toEqual([
      'Đơn vị!D2: Mã đơn vị cấp trên “KHONG-CO” không có trong trang “Đơn vị” và chưa có trong hệ thống',
    ]);
  });

  it('refuses a cycle, also one closed through a stored parent, naming its units', () => {
    expect(
      where(
        read(
          [
            ['A', 'Đơn vị A', 'Đảng bộ cơ sở', 'B', ''],
            ['B', 'Đơn vị B', 'Đảng bộ cơ sở', 'A', ''],
            ['C', 'Đơn vị C', 'Chi bộ trực thuộc', 'A', ''],
          ],
          [],
        ).problems,
      ),
    ).toEqual(['Đơn vị!D2: Đơn vị A nằm trong một vòng cấp trên khép kín: A → B → A', 'Đơn vị!D3: Đơn vị B nằm trong một vòng cấp trên khép kín: B → A → B']);
    // Stored: CB is below KBNN; the file puts KBNN below CB.
    const known = {
      unitParents: new Map<string, string | null>([
        ['DUK', null],
        ['KBNN', 'DUK'],
        ['CB', 'KBNN'],
      ]),
    };
    expect(where(read([['KBNN', 'Đảng bộ Kho bạc', 'Đảng bộ cấp trên cơ sở', 'CB', '']], [], known).problems)).toEqual([
      'Đơn vị!D2: Đơn vị KBNN nằm trong một vòng cấp trên khép kín: KBNN → CB → KBNN',
    ]);
  });

  it('names every wrong cell of the people sheet: usernames, names and addresses that disagree, unknown units, roles and positions', () => {
    const { problems, users } = read(TREE, [
      ['Nguyen.A', 'Nguyễn A', 'a@duk.vn', 'DUK', 'Soạn thảo', ''],
      ['b', 'Trần B', 'khong-phai-thu', 'DUK', 'Soạn thảo', ''],
      ['c', 'Lê C', 'c@duk.vn', 'KHONG-CO', 'Soạn thảo', ''],
      ['c', 'Lê Văn C', 'c2@duk.vn', 'KBNN', 'Phê duyệt, Soạn thảo', 'Trưởng ban'],
      ['c', '', '', 'KBNN', 'Soạn thảo', ''],
      ['d', 'Đỗ D', 'd@duk.vn', '', 'Soạn thảo', 'Bí thư'],
      ['e', '', '', 'DUK', 'Soạn thảo', ''],
      ['', 'Không tên đăng nhập', 'x@duk.vn', 'DUK', '', ''],
    ]);
    expect(where(problems)).toEqual([
      'Người dùng!A2: Tên đăng nhập “Nguyen.A” chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -, bắt đầu bằng chữ hoặc số, tối đa 100 ký tự',
      'Người dùng!C3: Thư điện tử “khong-phai-thu” không phải một địa chỉ thư điện tử (ví dụ: nguyenvana@dangbo.vn)',
      'Người dùng!D4: Mã đơn vị “KHONG-CO” không có trong trang “Đơn vị” và chưa có trong hệ thống',
      'Người dùng!B5: Họ và tên khác với dòng 4 (“Lê C”) của cùng tên đăng nhập',
      'Người dùng!C5: Thư điện tử khác với dòng 4 (“c@duk.vn”) của cùng tên đăng nhập',
      'Người dùng!E5: Vai trò “Phê duyệt” không có; dùng: Soạn thảo, Thông qua (cấp ủy), Thẩm định (cấp ủy cấp trên), Tổ giúp việc, Quản trị (nhiều vai trò cách nhau bằng dấu phẩy)',
      'Người dùng!F5: Chức vụ “Trưởng ban” không có; dùng: Bí thư, Phó Bí thư, Ủy viên Ban Thường vụ, Cấp ủy viên, Đảng viên',
      'Người dùng!D6: Đồng chí c đã có dòng 5 cho đơn vị KBNN; mỗi người một dòng cho mỗi đơn vị',
      'Người dùng!E7: Vai trò “Soạn thảo” cần ghi Mã đơn vị',
      'Người dùng!F7: Chức vụ “Bí thư” cần ghi Mã đơn vị',
      'Người dùng!B8: Chưa có họ và tên của đồng chí e (ghi ở ít nhất một dòng của người này)',
      'Người dùng!C8: Chưa có thư điện tử của đồng chí e (ghi ở ít nhất một dòng của người này)',
      'Người dùng!A9: Chưa có tên đăng nhập',
    ]);
    // Only people none of whose rows is wrong make the preview's import.
    expect(users).toEqual([]);
  });

  it('refuses a second Bí thư of a unit, in the file or besides one the file leaves in place', () => {
    const twice = read(TREE, [
      ['a', 'Nguyễn A', 'a@duk.vn', 'KBNN', '', 'Bí thư'],
      ['b', 'Trần B', 'b@duk.vn', 'KBNN', '', 'Bí thư'],
    ]);
    expect(where(twice.problems)).toEqual(['Người dùng!F3: Đơn vị KBNN đã có Bí thư là đồng chí a (dòng 2); mỗi đơn vị chỉ có một Bí thư']);

    const stored = { secretaries: new Map([['KBNN', 'cu.bithu']]) };
    expect(where(read(TREE, [['a', 'Nguyễn A', 'a@duk.vn', 'KBNN', '', 'Bí thư']], stored).problems)).toEqual([
      'Người dùng!F2: Đơn vị KBNN đã có Bí thư là đồng chí cu.bithu; mỗi đơn vị chỉ có một Bí thư (đồng chí cu.bithu không có trong tệp nên giữ nguyên chức vụ)',
    ]);
    // The former secretary in the file as a member: the post passes to the new one.
    expect(
      read(
        TREE,
        [
          ['a', 'Nguyễn A', 'a@duk.vn', 'KBNN', '', 'Bí thư'],
          ['cu.bithu', 'Cũ', 'cu@duk.vn', 'KBNN', '', 'Đảng viên'],
        ],
        stored,
      ).problems,
    ).toEqual([]);
  });

  it('refuses a file that would leave no active administrator', () => {
    const known = { activeAdmins: new Set(['quantri']), inactiveUsers: new Set(['nghi']) };
    expect(where(read(TREE, [['quantri', 'Quản Trị', 'qt@duk.vn', 'DUK', 'Soạn thảo', '']], known).problems)).toEqual([
      'Người dùng!-: Sau khi nhập sẽ không còn quản trị viên nào đang hoạt động: hãy giữ vai trò “Quản trị” cho ít nhất một người',
    ]);
    expect(
      read(
        TREE,
        [
          ['nghi', 'Đã nghỉ', 'n@duk.vn', '', 'Quản trị', ''],
          ['quantri', 'Quản Trị', 'qt@duk.vn', 'DUK', 'Soạn thảo', ''],
        ],
        known,
      ).problems,
    ).toHaveLength(1);
    expect(read(TREE, [['quantri', 'Quản Trị', 'qt@duk.vn', '', 'Quản trị', '']], known).problems).toEqual([]);
  });

  it('refuses a missing sheet or heading, a password column, and an empty file', () => {
    const noHeading = { ...peopleTable([]), columns: { username: 'A', fullName: 'B', email: 'C', unit: 'D' } };
    expect(where(readOrgSheets({ units: null, people: noHeading, otherHeadings: [] }, NOTHING_KNOWN).problems)).toEqual([
      'Đơn vị!-: Không có trang “Đơn vị”; hãy dùng mẫu tải về từ hệ thống',
      'Người dùng!-: Thiếu cột “Vai trò” ở dòng tiêu đề (dòng 1)',
    ]);
    const password = read(TREE, [], {}, { otherHeadings: [{ sheet: 'Người dùng', column: 'G', heading: 'Mật khẩu' }] });
    expect(where(password.problems)).toEqual([expect.stringMatching(/^Người dùng!G1: Tệp không được có cột mật khẩu/)]);
    expect(where(read([], []).problems)).toEqual(['Đơn vị!-: Tệp chưa có đơn vị hay người dùng nào']);
  });
});
