import { DEFAULT_OUTLINE, FIVE_PART_OUTLINE, OutlineSection, SectionPart } from '@app/domain';
import { documentParts, TextsOf } from './document-body';
import { textParagraphs } from './paragraphs';

/** Every text written, as "<key>.<part>", except those listed. */
const writtenExcept =
  (...left: string[]): TextsOf =>
  (section: OutlineSection, part: SectionPart) =>
    left.includes(`${section.key}.${part}`) || left.includes(section.key) ? [] : [{ text: `${section.key}.${part}` }];

describe('documentParts: the body in the parts of the đề cương', () => {
  it('numbers the parts I–V, the items 1., 2., … and an area’s texts a), b), c)', () => {
    const parts = documentParts(DEFAULT_OUTLINE, writtenExcept());
    expect(parts.map((p) => p.heading)).toEqual([
      'I. ĐẶC ĐIỂM TÌNH HÌNH',
      'II. KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ THI HÀNH ĐIỀU LỆ ĐẢNG',
      'III. ĐÁNH GIÁ CHUNG VÀ BÀI HỌC KINH NGHIỆM',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ TỚI',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
    // A part with a single one-text item carries its paragraphs under the part's heading.
    expect(parts[0].items).toEqual([{ heading: null, paragraphs: [{ text: 'context.text' }], subsections: [] }]);
    expect(parts[1].items).toHaveLength(10);
    expect(parts[1].items[0]).toEqual({
      heading: '1. Xây dựng Đảng về chính trị (cụ thể hóa nghị quyết, chương trình hành động)',
      paragraphs: [],
      subsections: [
        { heading: 'a) Kết quả, ưu điểm', paragraphs: [{ text: 'political.strengths' }] },
        { heading: 'b) Tồn tại, hạn chế', paragraphs: [{ text: 'political.limitations' }] },
        { heading: 'c) Nguyên nhân', paragraphs: [{ text: 'political.causes' }] },
      ],
    });
    expect(parts[1].items[9].heading).toBe('10. Thi hành Điều lệ Đảng');
    expect(parts[2].items.map((i) => i.heading)).toEqual(['1. Đánh giá chung', '2. Bài học kinh nghiệm']);
    expect(parts[4].items).toEqual([{ heading: null, paragraphs: [{ text: 'proposals.text' }], subsections: [] }]);
  });

  it('leaves out what was left empty and numbers what remains without gaps', () => {
    const parts = documentParts(DEFAULT_OUTLINE, writtenExcept('context', 'political', 'ideological.limitations', 'overall_assessment', 'proposals'));
    expect(parts.map((p) => p.heading)).toEqual([
      'I. KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ THI HÀNH ĐIỀU LỆ ĐẢNG',
      'II. ĐÁNH GIÁ CHUNG VÀ BÀI HỌC KINH NGHIỆM',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ TỚI',
    ]);
    expect(parts[0].items[0].heading).toBe('1. Công tác tư tưởng; học tập, quán triệt nghị quyết (Nghị quyết số 02)');
    expect(parts[0].items[0].subsections.map((s) => s.heading)).toEqual(['a) Kết quả, ưu điểm', 'b) Nguyên nhân']);
    expect(parts[1].items.map((i) => i.heading)).toEqual(['1. Bài học kinh nghiệm']);
    expect(JSON.stringify(parts)).not.toContain('Không có nội dung');
  });

  it('has no part at all when nothing was written', () => {
    expect(documentParts(DEFAULT_OUTLINE, () => [])).toEqual([]);
  });

  it('renders a plan of the earlier five-part outline as its items, each with the five headings', () => {
    const parts = documentParts(FIVE_PART_OUTLINE, writtenExcept('charter.lessons'));
    expect(parts).toHaveLength(1);
    expect(parts[0].heading).toBeNull();
    expect(parts[0].items.map((i) => i.heading)).toEqual(FIVE_PART_OUTLINE.map((s, i) => `${i + 1}. ${s.title}`));
    expect(parts[0].items[0].subsections.map((s) => s.heading)).toEqual([
      'a) Kết quả, ưu điểm',
      'b) Tồn tại, hạn chế',
      'c) Nguyên nhân',
      'd) Bài học kinh nghiệm',
      'đ) Phương hướng nhiệm kỳ tiếp theo',
    ]);
    expect(parts[0].items[9].subsections.map((s) => s.heading)).toEqual([
      'a) Kết quả, ưu điểm',
      'b) Tồn tại, hạn chế',
      'c) Nguyên nhân',
      'd) Phương hướng nhiệm kỳ tiếp theo',
    ]);
  });

  it('keeps a text’s paragraphs apart, as the writer broke them', () => {
    expect(textParagraphs('Đoạn thứ nhất.\nĐoạn thứ hai.\r\n\r\n  Đoạn thứ ba.  \n')).toEqual([
      { text: 'Đoạn thứ nhất.' },
      { text: 'Đoạn thứ hai.' },
      { text: 'Đoạn thứ ba.' },
    ]);
    expect(textParagraphs('   ')).toEqual([]);
    expect(textParagraphs(undefined)).toEqual([]);
  });
});
