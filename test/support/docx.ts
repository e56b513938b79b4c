import type { Response } from 'supertest';
import { Session } from './api';
import { paragraphText, WordFile } from '@app/core/documents/word-file';

export { paragraphs, readWordFile, unescapeXml, unzip } from '@app/core/documents/word-file';
export type { WordFile } from '@app/core/documents/word-file';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Fetches a binary answer as a Buffer (supertest only buffers text and JSON by itself), so a .docx
 * arrives byte for byte.
 */
export async function getBinary(who: Session, path: string): Promise<Response & { body: Buffer }> {
  const res = await who
    .get(path)
    .buffer(true)
    .parse((stream, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
      stream.on('end', () => done(null, Buffer.concat(chunks)));
      stream.on('error', (error: Error) => done(error, Buffer.alloc(0)));
    });
  return res as Response & { body: Buffer };
}

/** The run properties of the paragraph whose text is exactly `text` (bold, size, underline…), for form checks. */
export function paragraphXml(documentXml: string, text: string): string | undefined {
  for (const [paragraph] of documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    if (paragraphText(paragraph) === text) return paragraph;
  }
  return undefined;
}

/** Whether a paragraph's runs are bold (docx writes <w:b/>; Word may write w:val="true" or "1"). */
export function isBold(paragraph: string | undefined): boolean {
  return /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(paragraph ?? '');
}

/**
 * Checks that the paragraphs hold `expected` in this order (other paragraphs may come between) and
 * throws naming the first one missing, with the start of the document to see why.
 */
export function expectParagraphsInOrder(doc: WordFile, expected: string[]): void {
  let from = 0;
  for (const text of expected) {
    const at = doc.paragraphs.indexOf(text, from);
    if (at < 0)
      throw new Error(`paragraph ${JSON.stringify(text)} not found after position ${from}; paragraphs: ${JSON.stringify(doc.paragraphs.slice(0, 40))}`);
    from = at + 1;
  }
}
