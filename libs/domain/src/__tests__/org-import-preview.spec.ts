import { orgImportChanges, StoredOrg } from '../org-import-preview';
import { setPasswordMail, setPasswordPath } from '../set-password-texts';

const stored: StoredOrg = {
  units: new Map([
    ['DUK', { name: 'Đảng bộ Khối', kind: 'bloc', parent: null, place: 'Hà Nội' }],
    ['KBNN', { name: 'Đảng bộ Kho bạc', kind: 'upper', parent: 'DUK', place: 'Hà Nội' }],
  ]),
  people: new Map([
    ['quantri', { fullName: 'Quản Trị', email: 'qt@duk.vn', roles: [{ unit: null, role: 'admin' }], positions: [] }],
    [
      'kbnn.bithu',
      {
        fullName: 'Trần Văn Bình',
        email: 'binh@kbnn.vn',
        roles: [
          { unit: 'KBNN', role: 'approver' },
          { unit: 'KBNN', role: 'reviewer' },
        ],
        positions: [{ unit: 'KBNN', position: 'bi_thu' }],
      },
    ],
  ]),
};

describe('what an import would change', () => {
  it('is nothing for what is stored already, the global admin role and a stored place included', () => {
    const changes = orgImportChanges(stored, {
      units: [
        { code: 'DUK', name: 'Đảng bộ Khối', kind: 'bloc', parent: null, place: 'Hà Nội' },
        { code: 'KBNN', name: 'Đảng bộ Kho bạc', kind: 'upper', parent: 'DUK' },
      ],
      users: [
        { username: 'quantri', fullName: 'Quản Trị', email: 'qt@duk.vn', roles: [{ unit: null, role: 'admin' }], positions: [] },
        {
          username: 'kbnn.bithu',
          fullName: 'Trần Văn Bình',
          email: 'binh@kbnn.vn',
          roles: [
            { unit: 'KBNN', role: 'reviewer' },
            { unit: 'KBNN', role: 'approver' },
          ],
          positions: [{ unit: 'KBNN', position: 'bi_thu' }],
        },
      ],
    });
    expect(changes.units).toEqual([]);
    expect(changes.users).toEqual([]);
    expect(Object.values(changes.counts).every((n) => n === 0)).toBe(true);
  });

  it('lists units and people created and changed, before and after, and the roles and positions gained and lost', () => {
    const changes = orgImportChanges(stored, {
      units: [
        { code: 'KBNN', name: 'Đảng bộ Kho bạc Nhà nước', kind: 'upper', parent: 'DUK', place: 'TP Hồ Chí Minh' },
        { code: 'KBNN-KT', name: 'Chi bộ Vụ Kế toán', kind: 'cell', parent: 'KBNN' },
      ],
      users: [
        {
          username: 'kbnn.bithu',
          fullName: 'Trần Văn Bình',
          email: 'binh.tv@kbnn.vn',
          roles: [
            { unit: 'KBNN', role: 'approver' },
            { unit: 'KBNN-KT', role: 'reviewer' },
          ],
          positions: [{ unit: 'KBNN', position: 'pho_bi_thu' }],
        },
        { username: 'moi', fullName: 'Người Mới', email: 'moi@kbnn.vn', roles: [{ unit: 'KBNN-KT', role: 'drafter' }], positions: [] },
      ],
    });
    expect(changes.units).toEqual([
      {
        code: 'KBNN',
        change: 'changed',
        before: { name: 'Đảng bộ Kho bạc', place: 'Hà Nội' },
        after: { name: 'Đảng bộ Kho bạc Nhà nước', place: 'TP Hồ Chí Minh' },
      },
      { code: 'KBNN-KT', change: 'created', after: { name: 'Chi bộ Vụ Kế toán', kind: 'cell', parent: 'KBNN' } },
    ]);
    expect(changes.users).toEqual([
      {
        username: 'kbnn.bithu',
        change: 'changed',
        before: { email: 'binh@kbnn.vn' },
        after: { email: 'binh.tv@kbnn.vn' },
        rolesAdded: [{ unit: 'KBNN-KT', role: 'reviewer' }],
        rolesRemoved: [{ unit: 'KBNN', role: 'reviewer' }],
        positionsAdded: [{ unit: 'KBNN', position: 'pho_bi_thu' }],
        positionsRemoved: [{ unit: 'KBNN', position: 'bi_thu' }],
      },
      { username: 'moi', change: 'created', after: { fullName: 'Người Mới', email: 'moi@kbnn.vn' }, rolesAdded: [{ unit: 'KBNN-KT', role: 'drafter' }] },
    ]);
    expect(changes.counts).toMatchObject({
      unitsCreated: 1,
      unitsChanged: 1,
      usersCreated: 1,
      usersChanged: 1,
      rolesAdded: 2,
      rolesRemoved: 1,
      positionsAdded: 1,
      positionsRemoved: 1,
      passwordsChanged: 0,
    });
  });

  it('leaves positions as they are for a person whose import lists none (the JSON import’s rule)', () => {
    const changes = orgImportChanges(stored, {
      units: [],
      users: [
        {
          username: 'kbnn.bithu',
          fullName: 'Trần Văn Bình',
          email: 'binh@kbnn.vn',
          roles: [
            { unit: 'KBNN', role: 'approver' },
            { unit: 'KBNN', role: 'reviewer' },
          ],
        },
      ],
    });
    expect(changes.users).toEqual([]);
  });
});

describe('the set-password e-mail', () => {
  it('carries the link with its token after #, the username and when it expires in Hanoi time, in Vietnamese', () => {
    expect(setPasswordPath('abc_-123')).toBe('/dat-mat-khau#abc_-123');
    const mail = setPasswordMail({
      fullName: 'Nguyễn Văn An',
      username: 'an.nv',
      link: 'https://tongket.example.vn/dat-mat-khau#abc',
      expiresAt: new Date('2025-12-20T10:00:00Z'),
      reason: 'new_account',
    });
    expect(mail.subject).toBe('Tài khoản Tổng kết: đặt mật khẩu để bắt đầu sử dụng');
    expect(mail.text).toContain('Kính gửi đồng chí Nguyễn Văn An,');
    expect(mail.text).toContain('tên đăng nhập: an.nv');
    expect(mail.text).toContain('\nhttps://tongket.example.vn/dat-mat-khau#abc\n');
    expect(mail.text).toContain('hết hạn lúc 20/12/2025 17:00 (giờ Hà Nội)');
    const again = setPasswordMail({ fullName: 'Nguyễn Văn An', username: 'an.nv', link: 'x', expiresAt: new Date(), reason: 'new_link' });
    expect(again.text).toContain('Các liên kết gửi trước đây không còn dùng được');
  });
});
