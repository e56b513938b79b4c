import { TextBlock, textBlocks } from '@app/domain';
import type { DocumentParagraph } from './party-document.model';

/** A text as the document's body lays it out: paragraphs, bulleted and numbered items, tables. */
export function textParagraphs(text: string | undefined | null): DocumentParagraph[] {
  return textBlocks(text).map(paragraphOf);
}

/** A unit's text in a consolidation: its paragraphs, the first led by the unit's name (on a line of its own before a table). */
export function attributed(unitName: string, text: string): DocumentParagraph[] {
  const [first, ...rest] = textParagraphs(text);
  if (!first) return [];
  if (first.rows) return [{ lead: `${unitName}:`, text: '' }, first, ...rest];
  return [{ ...first, lead: `${unitName}: ` }, ...rest];
}

function paragraphOf(block: TextBlock): DocumentParagraph {
  switch (block.kind) {
    case 'paragraph':
      return { text: block.text };
    case 'bullet':
      return { text: block.text, marker: '–' };
    case 'numbered':
      return { text: block.text, marker: block.number };
    case 'table':
      return { text: '', rows: block.rows };
  }
}
