/** The headings of the đề cương's parts and of the texts an item takes, as a summary report words them. */
import type { ItemText, LevelItem, OutlinePart } from './api-types';

export const OUTLINE_PART_HEADINGS: Record<OutlinePart, string> = {
  I: 'I. ĐẶC ĐIỂM TÌNH HÌNH',
  II: 'II. KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ THI HÀNH ĐIỀU LỆ ĐẢNG',
  III: 'III. ĐÁNH GIÁ CHUNG VÀ BÀI HỌC KINH NGHIỆM',
  IV: 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NHIỆM KỲ TỚI',
  V: 'V. KIẾN NGHỊ, ĐỀ XUẤT',
};

export const ITEM_TEXT_LABELS: Record<ItemText, string> = {
  text: 'Nội dung',
  strengths: 'Kết quả, ưu điểm',
  limitations: 'Tồn tại, hạn chế',
  causes: 'Nguyên nhân',
  lessons: 'Bài học kinh nghiệm',
  directions: 'Phương hướng nhiệm kỳ tiếp theo',
};

/** The texts a required item cannot go without: its one text, or an area's strengths and limitations. */
export function requiredTexts(item: Pick<LevelItem, 'takes' | 'required'>): ItemText[] {
  if (!item.required) return [];
  if (item.takes.includes('text')) return ['text'];
  return item.takes.filter((t) => t === 'strengths' || t === 'limitations');
}

/** Items grouped by their part of the report, in outline order; a plan of the earlier outline has one group without heading. */
export function byOutlinePart<T extends Pick<LevelItem, 'part'>>(items: T[]): { heading: string | null; items: T[] }[] {
  const groups: { heading: string | null; items: T[] }[] = [];
  for (const item of items) {
    const heading = item.part ? OUTLINE_PART_HEADINGS[item.part] : null;
    const last = groups[groups.length - 1];
    if (last && last.heading === heading) last.items.push(item);
    else groups.push({ heading, items: [item] });
  }
  return groups;
}

/** A text's paragraphs as typed: its non-blank lines. */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
