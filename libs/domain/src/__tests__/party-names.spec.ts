import { adoptingBodyOf, committeeKindName, isChiBo, LEVEL_NAMES, unitKindName } from '../party-names';
import { roleName } from '../role-names';

const bloc = { kind: 'bloc' as const, name: 'Đảng bộ Khối các cơ quan Trung ương' };
const upper = { kind: 'upper' as const, name: 'Đảng bộ Kho bạc Nhà nước Trung ương' };
const grassroots = { kind: 'grassroots' as const, name: 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp' };
const chiBoCoSo = { kind: 'grassroots' as const, name: 'Chi bộ Báo Nhân dân' };
const cell = { kind: 'cell' as const, name: 'Chi bộ Vụ Kế toán Nhà nước' };

describe('the Party’s names of its organisations', () => {
  it('names each unit’s kind as the Party does, a grassroots chi bộ as Chi bộ cơ sở', () => {
    expect([bloc, upper, grassroots, chiBoCoSo, cell].map(unitKindName)).toEqual([
      'Đảng bộ Khối',
      'Đảng bộ cấp trên cơ sở',
      'Đảng bộ cơ sở',
      'Chi bộ cơ sở',
      'Chi bộ trực thuộc',
    ]);
  });

  it('names a level as a whole, for tables by level', () => {
    expect(LEVEL_NAMES).toEqual({ bloc: 'Đảng bộ Khối', upper: 'Đảng bộ cấp trên cơ sở', grassroots: 'Đảng bộ, chi bộ cơ sở', cell: 'Chi bộ trực thuộc' });
  });

  it('knows a chi bộ by its kind or by its name, in either Unicode form', () => {
    expect(isChiBo(cell)).toBe(true);
    expect(isChiBo(chiBoCoSo)).toBe(true);
    expect(isChiBo({ kind: 'grassroots', name: 'Chi bộ Báo Nhân dân'.normalize('NFD') })).toBe(true);
    expect(isChiBo(grassroots)).toBe(false);
    expect(isChiBo({ kind: 'grassroots', name: 'Chibộ viết liền' })).toBe(false);
  });

  it('names the committee: the Bloc’s is the Đảng ủy Khối, a chi bộ speaks for itself', () => {
    expect([bloc, upper, grassroots, chiBoCoSo, cell].map(committeeKindName)).toEqual(['Đảng ủy Khối', 'Đảng ủy', 'Đảng ủy', 'Chi bộ', 'Chi bộ']);
  });

  it('says who adopts each unit’s own report', () => {
    expect([bloc, upper, grassroots, chiBoCoSo, cell].map(adoptingBodyOf)).toEqual([
      'Ban Thường vụ Đảng ủy Khối',
      'Ban Thường vụ',
      'Đảng ủy',
      'Chi bộ',
      'Chi bộ',
    ]);
  });
});

describe('roles in a sentence', () => {
  it('are named in Vietnamese, never by their keys', () => {
    expect(['drafter', 'approver', 'reviewer', 'consolidator', 'admin', 'secretary'].map(roleName)).toEqual([
      'soạn thảo',
      'thông qua (cấp ủy đơn vị)',
      'thẩm định (cấp ủy cấp trên)',
      'tổ giúp việc (tổng hợp)',
      'quản trị',
      'không xác định',
    ]);
  });
});
