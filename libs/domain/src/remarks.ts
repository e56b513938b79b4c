import { OutlineSection, SectionContent } from './types';

/** The longest remark or reply, and the longest passage a remark may quote. */
export const REMARK_TEXT_MAX = 5000;
export const REMARK_QUOTE_MAX = 1000;

/** Spaces and line breaks differ between a browser's selection and the stored text: compare words only. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Why a remark on `sectionKey` quoting `quote` is refused, in Vietnamese, or null when it fits: the
 * item must be one of the report's outline, and a quote must be a passage of one of its texts.
 */
export function remarkRefusal(
  outline: readonly Pick<OutlineSection, 'key' | 'title'>[],
  sections: Record<string, SectionContent>,
  sectionKey: string,
  quote?: string | null,
): string | null {
  const item = outline.find((s) => s.key === sectionKey);
  if (!item) return `section: mục "${sectionKey}" không có trong đề cương của báo cáo`;
  if (quote === undefined || quote === null || words(quote) === '') return null;
  const texts = Object.values(sections[sectionKey] ?? {}).filter((t): t is string => typeof t === 'string');
  if (texts.some((t) => words(t).includes(words(quote)))) return null;
  return `quote: đoạn trích dẫn không có trong nội dung mục "${item.title}"`;
}
