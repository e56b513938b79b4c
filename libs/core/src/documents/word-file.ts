import { inflateRawSync } from 'node:zlib';

/*
 * Reading a Word file back (the engine's own documents): what its reader sees, paragraph by
 * paragraph. Used by the tests that check documents and by the demo, which prints the first lines
 * of the document it wrote.
 */

/**
 * The entries of a ZIP archive (a .docx is one), read from its central directory with Node's own
 * inflate: no unzip binary and no extra dependency. Stored (0) and deflated (8) entries only, which
 * is all a Word file uses.
 */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`not a ZIP archive (${zip.length} bytes, starts ${JSON.stringify(zip.subarray(0, 16).toString('latin1'))})`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method}`);
    entries.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');
}

/** The text of one paragraph's runs: its w:t texts, entities decoded, and its non-breaking hyphens. */
export function paragraphText(paragraph: string): string {
  return [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:noBreakHyphen\/>/g)].map((m) => (m[1] === undefined ? '-' : unescapeXml(m[1]))).join('');
}

/** What a reader of the Word file sees: the text of each paragraph, in order, entities decoded. */
export function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([paragraph]) => paragraphText(paragraph));
}

export interface WordFile {
  entries: Map<string, Buffer>;
  /** word/document.xml as stored (entities not decoded). */
  xml: string;
  styles: string;
  paragraphs: string[];
}

export function readWordFile(docx: Buffer): WordFile {
  const entries = unzip(docx);
  const xml = entries.get('word/document.xml')?.toString('utf8');
  if (xml === undefined) throw new Error(`no word/document.xml in ${JSON.stringify([...entries.keys()])}`);
  return { entries, xml, styles: entries.get('word/styles.xml')?.toString('utf8') ?? '', paragraphs: paragraphs(xml) };
}
