import { OutlinePart, OutlineSection, REPORT_PARTS, SectionContent, SectionPart } from './types';

/** The headings of the report's parts, as a summary report numbers them. */
export const OUTLINE_PART_TITLES: Record<OutlinePart, string> = {
  I: 'ĐẶC ĐIỂM TÌNH HÌNH',
  II: 'KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ THI HÀNH ĐIỀU LỆ ĐẢNG',
  III: 'ĐÁNH GIÁ CHUNG VÀ BÀI HỌC KINH NGHIỆM',
  IV: 'PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ TỚI',
  V: 'KIẾN NGHỊ, ĐỀ XUẤT',
};

/** The heading of each text of an item, where an item takes several. */
export const SECTION_PART_LABELS: Record<SectionPart, string> = {
  text: 'Nội dung',
  strengths: 'Kết quả, ưu điểm',
  limitations: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  lessons: 'Bài học kinh nghiệm',
  directions: 'Phương hướng nhiệm kỳ tiếp theo',
};

/** The texts an outline item takes: its own list, or the five parts of the earlier outline. */
export function partsOf(section: Pick<OutlineSection, 'takes'>): SectionPart[] {
  return section.takes?.length ? [...section.takes] : [...REPORT_PARTS];
}

/**
 * The texts a required item cannot be submitted without: its one text; or, for an area, its
 * strengths and its limitations (a report that praises without naming shortcomings is no summary).
 */
export function requiredPartsOf(section: Pick<OutlineSection, 'takes'>): SectionPart[] {
  const parts = partsOf(section);
  if (parts.includes('text')) return ['text'];
  return (['strengths', 'limitations'] as const).filter((p) => parts.includes(p));
}

/** Parts sent for an item that it does not take (an edit naming them is refused). */
export function partsNotTaken(section: Pick<OutlineSection, 'takes'>, content: SectionContent): SectionPart[] {
  const taken = new Set(partsOf(section));
  return (Object.keys(content) as SectionPart[]).filter((part) => content[part] !== undefined && !taken.has(part));
}

/** Whether an outline uses the parts I–V (a plan made with the earlier five-part outline does not). */
export function hasOutlineParts(outline: readonly OutlineSection[]): boolean {
  return outline.some((s) => s.part !== undefined);
}
