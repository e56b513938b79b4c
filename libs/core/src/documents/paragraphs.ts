import type { DocumentParagraph } from './party-document.model';

/** The paragraphs of a text as its writer broke it: every line its own paragraph, blank lines dropped. */
export function splitParagraphs(text: string | undefined | null): string[] {
  return (text ?? '').split(/\r?\n/).map((p) => p.trim()).filter(Boolean);
}

/** A unit's text in a consolidation: its paragraphs, the first led by the unit's name. */
export function attributed(unitName: string, text: string): DocumentParagraph[] {
  return splitParagraphs(text).map((p, i) => (i === 0 ? { lead: `${unitName}: `, text: p } : { text: p }));
}
