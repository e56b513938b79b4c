import { OutlineSection, partsNotTaken, partsOf, SECTION_PART_LABELS, SectionContent, SectionPart } from '@app/domain';

const named = (parts: SectionPart[]) => parts.map((part) => `${part} (${SECTION_PART_LABELS[part]})`).join(', ');

/**
 * Why an edit of an outline item is refused, in Vietnamese and naming the fields, or null: an item
 * of the đề cương takes one text or its three parts, never the others (they would be written where
 * nobody reads them, and the consolidation leaves them out).
 */
export function partsRefusal(item: OutlineSection, content: SectionContent): string | null {
  const refused = partsNotTaken(item, content);
  if (refused.length === 0) return null;
  return `Mục “${item.title}” (${item.key}) không có phần ${named(refused)}; mục này nhận: ${named(partsOf(item))}`;
}
