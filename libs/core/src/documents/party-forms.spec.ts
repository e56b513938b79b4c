import {
  collectiveOf,
  committeeOf,
  fileCopyOf,
  issuerBlock,
  issuerCode,
  PartyUnit,
  recipientsOf,
  signatureBlock,
  signatureOf,
  withFileCopy,
} from './party-forms';

const bloc: PartyUnit = { kind: 'bloc', name: 'Đảng bộ Khối các cơ quan Trung ương' };
const kbnn: PartyUnit = { kind: 'upper', name: 'Đảng bộ Kho bạc Nhà nước Trung ương' };
const bvnn: PartyUnit = { kind: 'grassroots', name: 'Đảng bộ Bệnh viện Đa khoa Nông nghiệp' };
const cell: PartyUnit = { kind: 'cell', name: 'Chi bộ Vụ Kế toán Nhà nước' };
const chiBoCoSo: PartyUnit = { kind: 'grassroots', name: 'Chi bộ Báo Nhân Dân' };

describe('Party forms by issuer (Hướng dẫn 36-HD/VPTW)', () => {
  it('names the issuing committee: Đảng ủy Khối, Đảng ủy <đảng bộ without "Đảng bộ">, or the chi bộ itself', () => {
    expect(committeeOf(bloc)).toBe('Đảng ủy Khối');
    expect(committeeOf(kbnn)).toBe('Đảng ủy Kho bạc Nhà nước Trung ương');
    expect(committeeOf({ kind: 'upper', name: 'Đảng bộ cơ quan Trung ương Hội Liên hiệp Phụ nữ Việt Nam' })).toBe(
      'Đảng ủy cơ quan Trung ương Hội Liên hiệp Phụ nữ Việt Nam',
    );
    expect(committeeOf(bvnn)).toBe('Đảng ủy Bệnh viện Đa khoa Nông nghiệp');
    expect(committeeOf(cell)).toBe('Chi bộ Vụ Kế toán Nhà nước');
    expect(committeeOf(chiBoCoSo)).toBe('Chi bộ Báo Nhân Dân');
    // A name in decomposed form (NFD) is recognised too.
    expect(committeeOf({ kind: 'upper', name: 'Đảng bộ Bộ Tư pháp'.normalize('NFD') })).toBe('Đảng ủy Bộ Tư pháp');
  });

  it('writes the issuer block as two lines: the body above in plain capitals over the issuing body', () => {
    expect(issuerBlock(bloc, null)).toEqual({ superiorBody: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', issuingBody: 'ĐẢNG ỦY KHỐI' });
    expect(issuerBlock(kbnn, bloc)).toEqual({ superiorBody: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', issuingBody: 'ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG' });
    expect(issuerBlock(cell, kbnn)).toEqual({ superiorBody: 'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', issuingBody: 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC' });
    // A plan rooted at an upper unit: its own đảng bộ stands over its committee.
    expect(issuerBlock(kbnn, null)).toEqual({ superiorBody: 'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG', issuingBody: 'ĐẢNG ỦY KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG' });
    expect(issuerBlock(cell, null)).toEqual({ superiorBody: null, issuingBody: 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC' });
  });

  it('keeps the symbol’s issuer code and the signature block consistent with the issuing body', () => {
    expect([bloc, kbnn, bvnn, cell, chiBoCoSo].map(issuerCode)).toEqual(['ĐUK', 'ĐU', 'ĐU', 'CB', 'CB']);
    expect(signatureOf(bloc)).toEqual({ onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' });
    expect(signatureOf(kbnn)).toEqual({ onBehalfOf: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ' });
    expect(signatureOf(bvnn)).toEqual({ onBehalfOf: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ' });
    expect(signatureOf(cell)).toEqual({ onBehalfOf: 'T/M CHI BỘ', title: 'BÍ THƯ' });
    expect(signatureOf(chiBoCoSo)).toEqual({ onBehalfOf: 'T/M CHI BỘ', title: 'BÍ THƯ' });
  });

  describe('recipients by level', () => {
    it('the Bloc reports to the Secretariat and the Central Committee (through the Party Charter Subcommittee), the Central Organisation Board, its Standing Committee, the file copy', () => {
      expect(recipientsOf(bloc, null)).toEqual([
        'Ban Bí thư (để báo cáo)',
        'Ban Chấp hành Trung ương (qua Tiểu ban Điều lệ Đảng, để báo cáo)',
        'Ban Tổ chức Trung ương',
        'Các đồng chí Ủy viên Ban Thường vụ Đảng ủy Khối',
        'Lưu: Văn phòng Đảng ủy Khối',
      ]);
    });

    it('a committee reports to the committee above and copies its own members; only the Bloc writes to the Central Committee', () => {
      expect(recipientsOf(kbnn, bloc)).toEqual(['Đảng ủy Khối (để báo cáo)', 'Các đồng chí Ủy viên Ban Thường vụ', 'Lưu: Văn phòng Đảng ủy']);
      expect(recipientsOf(bvnn, bloc)).toEqual(['Đảng ủy Khối (để báo cáo)', 'Các đồng chí đảng ủy viên', 'Lưu: Văn phòng Đảng ủy']);
      expect(recipientsOf({ kind: 'grassroots', name: 'Đảng bộ cơ sở số 1' }, kbnn)).toEqual([
        'Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)',
        'Các đồng chí đảng ủy viên',
        'Lưu: Văn phòng Đảng ủy',
      ]);
      for (const unit of [kbnn, bvnn, cell]) expect(recipientsOf(unit, bloc).filter((r) => /Ban Chấp hành Trung ương|Ban Bí thư/.test(r))).toEqual([]);
    });

    it('a cell reports to its parent’s committee', () => {
      expect(recipientsOf(cell, kbnn)).toEqual(['Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)', 'Lưu: Chi bộ']);
      expect(recipientsOf(chiBoCoSo, bloc)).toEqual(['Đảng ủy Khối (để báo cáo)', 'Lưu: Chi bộ']);
    });

    it('a plan’s own list keeps its lines and always ends with the file copy', () => {
      expect(withFileCopy(['- Ban Tổ chức Đảng ủy Khối (để báo cáo)', '  ', 'Các đồng chí chi ủy viên'], cell)).toEqual([
        'Ban Tổ chức Đảng ủy Khối (để báo cáo)',
        'Các đồng chí chi ủy viên',
        'Lưu: Chi bộ',
      ]);
      expect(withFileCopy(['- Lưu: Văn thư', 'Đảng ủy Khối (để báo cáo)'], kbnn)).toEqual(['Đảng ủy Khối (để báo cáo)', 'Lưu: Văn thư']);
      expect(withFileCopy([], bloc)).toEqual([fileCopyOf(bloc)]);
    });
  });

  describe('signature block and the collective that speaks', () => {
    it('the secretary signs as BÍ THƯ on behalf of the collective', () => {
      expect(signatureBlock(cell, 'bi_thu', 'Hoàng Văn Bình')).toEqual({ lines: ['T/M CHI BỘ', 'BÍ THƯ'], name: 'Hoàng Văn Bình' });
      expect(signatureBlock(bvnn, 'bi_thu', 'Trịnh Văn Long')).toEqual({ lines: ['T/M ĐẢNG ỦY', 'BÍ THƯ'], name: 'Trịnh Văn Long' });
    });

    it('a deputy secretary signs deputising for the post: K/T BÍ THƯ, PHÓ BÍ THƯ', () => {
      expect(signatureBlock(bloc, 'pho_bi_thu', 'Lê Văn Hùng')).toEqual({ lines: ['T/M BAN THƯỜNG VỤ', 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'], name: 'Lê Văn Hùng' });
    });

    it('nobody in either post: the collective and the post over an empty name', () => {
      expect(signatureBlock(kbnn, null, '')).toEqual({ lines: ['T/M BAN THƯỜNG VỤ', 'BÍ THƯ'], name: '' });
    });

    it('names the collective as the opening paragraph says who reports', () => {
      expect([bloc, kbnn, bvnn, cell, chiBoCoSo].map(collectiveOf)).toEqual([
        'Ban Thường vụ Đảng ủy Khối',
        'Ban Thường vụ Đảng ủy Kho bạc Nhà nước Trung ương',
        'Đảng ủy Bệnh viện Đa khoa Nông nghiệp',
        'Chi bộ Vụ Kế toán Nhà nước',
        'Chi bộ Báo Nhân Dân',
      ]);
    });
  });
});
