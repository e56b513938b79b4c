import { buildPartyDocument, DocumentInput } from './party-document-builder';

const bloc = { kind: 'bloc' as const, name: 'Đảng bộ Khối các cơ quan Trung ương' };
const kbnn = { kind: 'upper' as const, name: 'Đảng bộ Kho bạc Nhà nước Trung ương' };
const cell = { kind: 'cell' as const, name: 'Chi bộ Vụ Kế toán Nhà nước' };

const input: DocumentInput = {
  unit: cell,
  parent: kbnn,
  place: 'Hà Nội',
  plan: {
    code: '144-KH/ĐUK',
    issuedOn: '2019-06-05',
    term: '2015-2020',
    root: bloc,
    recipients: null,
    title: 'Kế hoạch tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020',
    basis: [{ code: '48-CV/TBĐLĐ', issuedOn: '2019-05-28', issuer: 'Tiểu ban Điều lệ Đảng Đại hội XIII' }],
  },
  adoption: null,
  parts: [{ heading: 'I. ĐẶC ĐIỂM TÌNH HÌNH', items: [{ heading: null, paragraphs: [{ text: 'Chi bộ có 21 đảng viên.' }], subsections: [] }] }],
  figures: {
    asOf: new Date('2019-09-30T10:00:00Z'),
    tables: [
      {
        title: 'Bảng 1. Một số số liệu khác',
        layout: 'by-figure',
        columns: ['STT', 'Đơn vị', 'Nghị quyết đã ban hành (văn bản)'],
        rows: [['1', 'Chi bộ Vụ Kế toán Nhà nước', '3']],
        total: null,
      },
    ],
  },
};

describe('buildPartyDocument: a report in the Party form', () => {
  it('before adoption: a draft, with no number, no date and no signature', () => {
    const doc = buildPartyDocument(input);
    expect(doc.draft).toBe(true);
    expect({ superior: doc.superiorBody, issuing: doc.issuingBody }).toEqual({
      superior: 'ĐẢNG BỘ KHO BẠC NHÀ NƯỚC TRUNG ƯƠNG',
      issuing: 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC',
    });
    expect(doc.numberLine).toMatch(/^Số\s+-BC\/CB$/);
    expect(doc.dateLine).toMatch(/^Hà Nội, ngày\s+tháng\s+năm\s+$/);
    expect(doc.signature).toBeNull();
    expect(doc.appendix!.attachedTo).toBe('(Kèm theo dự thảo Báo cáo của Chi bộ Vụ Kế toán Nhà nước)');
    expect(JSON.stringify(doc)).not.toMatch(/\d+-BC\//);
  });

  it('once adopted: its number, the adoption date (day and month in two digits) and place, the signer', () => {
    const doc = buildPartyDocument({
      ...input,
      place: 'Thanh Trì',
      adoption: { symbol: '12-BC/CB', adoptedOn: '2019-07-05', place: 'Hà Nội', signerName: 'Ngô Thị Dung', signerPosition: 'pho_bi_thu' },
    });
    expect(doc.draft).toBe(false);
    expect(doc.numberLine).toBe('Số 12-BC/CB');
    // The place it was adopted in, whatever the unit's place became since.
    expect(doc.dateLine).toBe('Hà Nội, ngày 05 tháng 07 năm 2019');
    expect(doc.signature).toEqual({ lines: ['T/M CHI BỘ', 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'], name: 'Ngô Thị Dung' });
    expect(doc.appendix).toMatchObject({
      title: 'PHỤ LỤC',
      subtitle: 'SỐ LIỆU CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ 2015-2020',
      attachedTo: '(Kèm theo Báo cáo số 12-BC/CB ngày 05/7/2019 của Chi bộ Vụ Kế toán Nhà nước)',
      asOf: 'Số liệu tính đến ngày 30/09/2019',
    });
  });

  it('BÁO CÁO, the title from the plan, and the opening paragraph citing the plan’s basis and the plan', () => {
    const doc = buildPartyDocument(input);
    expect(doc.typeName).toBe('BÁO CÁO');
    expect(doc.title).toBe('Tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020');
    expect(doc.opening).toEqual([
      'Thực hiện Công văn số 48-CV/TBĐLĐ ngày 28/5/2019 của Tiểu ban Điều lệ Đảng Đại hội XIII, Kế hoạch số 144-KH/ĐUK ngày 05/6/2019 của Ban Thường vụ Đảng ủy Khối ' +
        'về tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020, Chi bộ Vụ Kế toán Nhà nước báo cáo kết quả như sau:',
    ]);
  });

  it('recipients: the level’s usual ones, or the plan’s own, always ending with the file copy', () => {
    expect(buildPartyDocument(input).recipients).toEqual(['Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)', 'Lưu: Chi bộ']);
    const own = buildPartyDocument({
      ...input,
      plan: { ...input.plan, recipients: ['Ban Tổ chức Đảng ủy Khối', 'Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)'] },
    });
    expect(own.recipients).toEqual(['Ban Tổ chức Đảng ủy Khối', 'Đảng ủy Kho bạc Nhà nước Trung ương (để báo cáo)', 'Lưu: Chi bộ']);
  });

  it('the Khối’s report: its own đảng bộ over its committee, -BC/ĐUK, signed for the Standing Committee', () => {
    const doc = buildPartyDocument({
      ...input,
      unit: bloc,
      parent: null,
      adoption: { symbol: '3-BC/ĐUK', adoptedOn: '2019-10-15', place: 'Hà Nội', signerName: 'Lê Văn Hùng', signerPosition: 'pho_bi_thu' },
    });
    expect([doc.superiorBody, doc.issuingBody, doc.numberLine]).toEqual(['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG', 'ĐẢNG ỦY KHỐI', 'Số 3-BC/ĐUK']);
    expect(doc.signature!.lines).toEqual(['T/M BAN THƯỜNG VỤ', 'K/T BÍ THƯ', 'PHÓ BÍ THƯ']);
    expect(doc.opening[0]).toMatch(/, Ban Thường vụ Đảng ủy Khối báo cáo kết quả như sau:$/);
    expect(doc.recipients[doc.recipients.length - 1]).toBe('Lưu: Văn phòng Đảng ủy Khối');
  });

  it('has no appendix when the plan counts no figures', () => {
    expect(buildPartyDocument({ ...input, figures: { ...input.figures, tables: [] } }).appendix).toBeNull();
  });
});
