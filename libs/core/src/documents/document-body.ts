import { hasOutlineParts, OUTLINE_PART_TITLES, OUTLINE_PARTS, OutlinePart, OutlineSection, partsOf, SECTION_PART_LABELS, SectionPart } from '@app/domain';
import type { DocumentItem, DocumentParagraph, DocumentPart } from './party-document.model';

/** The paragraphs an item holds for one of its texts (empty when nothing was written). */
export type TextsOf = (section: OutlineSection, part: SectionPart) => DocumentParagraph[];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
// The Vietnamese alphabet's order: a), b), c), d), đ), e), g)…
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k'];

/**
 * The body of a summary report, as the đề cương orders it: the parts I to V, each with its items
 * (1., 2., …) and an area's results, limitations and causes (a), b), c)). What was left empty is
 * left out, and what remains is numbered without gaps; a part with a single item of one text
 * carries its paragraphs under the part's own heading. A plan made with the earlier outline (no
 * parts) has its items numbered with the five headings each.
 */
export function documentParts(outline: readonly OutlineSection[], textsOf: TextsOf): DocumentPart[] {
  if (!hasOutlineParts(outline)) {
    const items = numbered(outline.map((section) => itemOf(section, textsOf, false)));
    return items.length ? [{ heading: null, items }] : [];
  }
  const partOf = (s: OutlineSection): OutlinePart => s.part ?? 'II';
  const parts: { part: OutlinePart; items: DocumentItem[] }[] = [];
  for (const part of OUTLINE_PARTS) {
    const sections = outline.filter((s) => partOf(s) === part);
    const alone = sections.length === 1 && partsOf(sections[0]).length === 1;
    const items = sections.map((section) => itemOf(section, textsOf, alone)).filter((item): item is DocumentItem => item !== null);
    if (items.length) parts.push({ part, items: alone ? items : numbered(items) });
  }
  return parts.map(({ part, items }, i) => ({ heading: `${ROMAN[i]}. ${OUTLINE_PART_TITLES[part]}`, items }));
}

/** An item with what was written in it; null when nothing was. */
function itemOf(section: OutlineSection, textsOf: TextsOf, alone: boolean): DocumentItem | null {
  const takes = partsOf(section);
  const written = takes.map((part) => ({ part, paragraphs: textsOf(section, part) })).filter((t) => t.paragraphs.length > 0);
  if (written.length === 0) return null;
  const heading = alone ? null : section.title;
  if (takes.length === 1) return { heading, paragraphs: written[0].paragraphs, subsections: [] };
  return {
    heading,
    paragraphs: [],
    subsections: written.map((t, i) => ({ heading: `${LETTERS[i]}) ${SECTION_PART_LABELS[t.part]}`, paragraphs: t.paragraphs })),
  };
}

/** Items numbered 1., 2., … in the order they remain. */
function numbered(items: (DocumentItem | null)[]): DocumentItem[] {
  return items.filter((item): item is DocumentItem => item !== null).map((item, i) => ({ ...item, heading: `${i + 1}. ${item.heading}` }));
}
