import { importCounts, unitChanges, UnitFields, userChanges, UserFields } from '../org-import-changes';

describe('org import changes', () => {
  const stored = new Map<string, UnitFields>([
    ['DUK', { name: 'Đảng bộ Khối', kind: 'bloc', parent: null }],
    ['KBNN', { name: 'Đảng bộ Kho bạc', kind: 'upper', parent: 'DUK' }],
  ]);

  it('names the units created and, for changed ones, only the fields that changed, before and after', () => {
    const changes = unitChanges(stored, [
      { code: 'DUK', name: 'Đảng bộ Khối', kind: 'bloc', parent: null },
      { code: 'KBNN', name: 'Đảng bộ Kho bạc Nhà nước', kind: 'upper', parent: 'DUK' },
      { code: 'KBNN-KT', name: 'Chi bộ Vụ Kế toán', kind: 'cell', parent: 'KBNN' },
    ]);
    expect(changes).toEqual([
      { code: 'KBNN', change: 'changed', before: { name: 'Đảng bộ Kho bạc' }, after: { name: 'Đảng bộ Kho bạc Nhà nước' } },
      { code: 'KBNN-KT', change: 'created', after: { name: 'Chi bộ Vụ Kế toán', kind: 'cell', parent: 'KBNN' } },
    ]);
  });

  it('sees a unit moved to another parent', () => {
    expect(unitChanges(stored, [{ code: 'KBNN', name: 'Đảng bộ Kho bạc', kind: 'upper', parent: null }])).toEqual([
      { code: 'KBNN', change: 'changed', before: { parent: 'DUK' }, after: { parent: null } },
    ]);
  });

  const people = new Map<string, UserFields>([
    ['kbnn.bithu', { fullName: 'Trần Văn Bình', email: 'binh@example.vn' }],
    ['kbnn.uv', { fullName: 'Lê Thị Hoa', email: 'hoa@example.vn' }],
  ]);

  it('says a password changed without showing it, and lists roles added and removed', () => {
    const changes = userChanges({
      stored: people,
      imported: [
        { username: 'kbnn.bithu', fullName: 'Trần Văn Bình', email: 'binh@example.vn' },
        { username: 'kbnn.uv', fullName: 'Lê Thị Hoa', email: 'hoa.le@example.vn' },
        { username: 'kbnn.moi', fullName: 'Phạm Minh', email: 'minh@example.vn' },
      ],
      passwordChanged: new Set(['kbnn.bithu']),
      rolesAdded: new Map([['kbnn.moi', [{ unit: 'KBNN', role: 'drafter' as const }]]]),
      rolesRemoved: new Map([
        [
          'kbnn.bithu',
          [
            { unit: 'KBNN', role: 'reviewer' as const },
            { unit: 'KBNN-KT', role: 'approver' as const },
          ],
        ],
      ]),
    });
    expect(changes).toEqual([
      {
        username: 'kbnn.bithu',
        change: 'changed',
        before: {},
        after: {},
        passwordChanged: true,
        rolesRemoved: [
          { unit: 'KBNN', role: 'reviewer' },
          { unit: 'KBNN-KT', role: 'approver' },
        ],
      },
      { username: 'kbnn.uv', change: 'changed', before: { email: 'hoa@example.vn' }, after: { email: 'hoa.le@example.vn' } },
      { username: 'kbnn.moi', change: 'created', after: { fullName: 'Phạm Minh', email: 'minh@example.vn' }, rolesAdded: [{ unit: 'KBNN', role: 'drafter' }] },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/password"?\s*:\s*"/i);
    expect(importCounts([], changes)).toEqual({
      unitsCreated: 0,
      unitsChanged: 0,
      usersCreated: 1,
      usersChanged: 2,
      passwordsChanged: 1,
      rolesAdded: 1,
      rolesRemoved: 2,
      positionsAdded: 0,
      positionsRemoved: 0,
    });
  });

  it('leaves out everything an idempotent re-import does not change', () => {
    const same = userChanges({
      stored: people,
      imported: [...people].map(([username, fields]) => ({ username, ...fields })),
      passwordChanged: new Set(),
      rolesAdded: new Map(),
      rolesRemoved: new Map(),
    });
    expect(same).toEqual([]);
    expect(
      unitChanges(
        stored,
        [...stored].map(([code, fields]) => ({ code, ...fields })),
      ),
    ).toEqual([]);
  });

  it('compares a unit’s place only when the import gives it', () => {
    const placed = new Map<string, UnitFields>([['KBNN', { name: 'Đảng bộ Kho bạc', kind: 'upper', parent: 'DUK', place: 'Hà Nội' }]]);
    expect(unitChanges(placed, [{ code: 'KBNN', name: 'Đảng bộ Kho bạc', kind: 'upper', parent: 'DUK' }])).toEqual([]);
    expect(unitChanges(placed, [{ code: 'KBNN', name: 'Đảng bộ Kho bạc', kind: 'upper', parent: 'DUK', place: 'Đà Nẵng' }])).toEqual([
      { code: 'KBNN', change: 'changed', before: { place: 'Hà Nội' }, after: { place: 'Đà Nẵng' } },
    ]);
  });

  it('lists positions added and removed, and counts them; a person whose only change is a position is changed', () => {
    const changes = userChanges({
      stored: people,
      imported: [...people].map(([username, fields]) => ({ username, ...fields })),
      passwordChanged: new Set(),
      rolesAdded: new Map(),
      rolesRemoved: new Map(),
      positionsAdded: new Map([['kbnn.bithu', [{ unit: 'KBNN', position: 'bi_thu' as const }]]]),
      positionsRemoved: new Map([['kbnn.bithu', [{ unit: 'KBNN', position: 'pho_bi_thu' as const }]]]),
    });
    expect(changes).toEqual([
      {
        username: 'kbnn.bithu',
        change: 'changed',
        before: {},
        after: {},
        positionsAdded: [{ unit: 'KBNN', position: 'bi_thu' }],
        positionsRemoved: [{ unit: 'KBNN', position: 'pho_bi_thu' }],
      },
    ]);
    expect(importCounts([], changes)).toMatchObject({ usersChanged: 1, positionsAdded: 1, positionsRemoved: 1 });
  });
});
