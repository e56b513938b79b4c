import { remarkRefusal } from '..';

const outline = [
  { key: 'situation', title: 'Đặc điểm tình hình' },
  { key: 'political', title: 'Công tác chính trị' },
];
const sections = { political: { strengths: 'Chi bộ đã cụ thể hóa\nnghị quyết kịp thời.', limitations: 'Sinh hoạt còn hình thức.' } };

describe('remarkRefusal', () => {
  it('takes a remark on an item of the outline, with or without a quote of its text', () => {
    expect(remarkRefusal(outline, sections, 'political')).toBeNull();
    expect(remarkRefusal(outline, sections, 'situation', '')).toBeNull();
    expect(remarkRefusal(outline, sections, 'political', 'còn hình thức')).toBeNull();
  });

  it('matches a quote across the line breaks and spaces a selection changes', () => {
    expect(remarkRefusal(outline, sections, 'political', 'cụ thể hóa  nghị quyết')).toBeNull();
  });

  it('refuses an item outside the outline, naming the field', () => {
    expect(remarkRefusal(outline, sections, 'khong-co')).toBe('section: mục "khong-co" không có trong đề cương của báo cáo');
  });

  it('refuses a quote the item does not contain, naming the item', () => {
    expect(remarkRefusal(outline, sections, 'political', 'không có câu này')).toBe('quote: đoạn trích dẫn không có trong nội dung mục "Công tác chính trị"');
    expect(remarkRefusal(outline, sections, 'situation', 'còn hình thức')).toBe('quote: đoạn trích dẫn không có trong nội dung mục "Đặc điểm tình hình"');
  });
});
