import { openingParagraph } from './opening-paragraph';

const plan = {
  code: '144-KH/ĐUK',
  issuedOn: '2019-06-05',
  title: 'Kế hoạch tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020',
  basis: [
    {
      code: '48-CV/TBĐLĐ',
      issuedOn: '2019-05-28',
      issuer: 'Tiểu ban Điều lệ Đảng Đại hội XIII',
      title: 'Về việc tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng Đại hội XII nhiệm kỳ 2015-2020',
    },
  ],
};

describe('openingParagraph: what the report answers', () => {
  it('cites the dispatch and the plan with their symbols, dates and issuers, then says who reports', () => {
    expect(openingParagraph(plan, 'Ban Thường vụ Đảng ủy Khối', 'Chi bộ Vụ Kế toán Nhà nước')).toBe(
      'Thực hiện Công văn số 48-CV/TBĐLĐ ngày 28/5/2019 của Tiểu ban Điều lệ Đảng Đại hội XIII về việc tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng Đại hội XII nhiệm kỳ 2015-2020, ' +
        'Kế hoạch số 144-KH/ĐUK ngày 05/6/2019 của Ban Thường vụ Đảng ủy Khối về tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020, ' +
        'Chi bộ Vụ Kế toán Nhà nước báo cáo kết quả như sau:',
    );
  });

  it('cites only what the plan says of a basis document', () => {
    const text = openingParagraph({ ...plan, basis: [{ code: '05-CT/TW' }] }, 'Ban Thường vụ Đảng ủy Khối', 'Đảng ủy Bệnh viện Đa khoa Nông nghiệp');
    expect(text).toMatch(/^Thực hiện Chỉ thị số 05-CT\/TW, Kế hoạch số 144-KH\/ĐUK ngày 05\/6\/2019 của Ban Thường vụ Đảng ủy Khối về tổng kết/);
    expect(openingParagraph({ ...plan, basis: [] }, 'Ban Thường vụ Đảng ủy Khối', 'Ban Thường vụ Đảng ủy Khối')).toBe(
      'Thực hiện Kế hoạch số 144-KH/ĐUK ngày 05/6/2019 của Ban Thường vụ Đảng ủy Khối về tổng kết công tác xây dựng Đảng và thi hành Điều lệ Đảng nhiệm kỳ 2015-2020, Ban Thường vụ Đảng ủy Khối báo cáo kết quả như sau:',
    );
  });
});
