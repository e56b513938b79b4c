/**
 * How a drafter's plain text is laid out in the Party document: the text areas take plain text,
 * so a list or a table is written the way people write one in an e-mail. Every non-blank line is
 * a paragraph, except lines starting with "- " (or "* ", "• ": a bulleted item), lines starting
 * with "1. " or "1) " (a numbered item, its number kept as written) and runs of lines holding "|"
 * cells (a table, one row per line; a Markdown-style "|---|" rule is dropped).
 */
export type TextBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string }
  | { kind: 'numbered'; number: string; text: string }
  | { kind: 'table'; rows: string[][] };

const BULLET = /^[-*•–]\s+(.*)$/;
const NUMBERED = /^(\d{1,3})[.)]\s+(.*)$/;
/** A row of "|---|:---:|" (Markdown's rule under a table's header): no text of its own. */
const RULE_ROW = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

export function textBlocks(text: string | undefined | null): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const line of (text ?? '').split(/\r\n|\r|\n/).map((l) => l.trim())) {
    if (!line) continue;
    if (line.includes('|')) {
      if (RULE_ROW.test(line)) continue;
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'table') last.rows.push(tableCells(line));
      else blocks.push({ kind: 'table', rows: [tableCells(line)] });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet && bullet[1]) blocks.push({ kind: 'bullet', text: bullet[1] });
    else if (numbered && numbered[2]) blocks.push({ kind: 'numbered', number: `${numbered[1]}.`, text: numbered[2] });
    else blocks.push({ kind: 'paragraph', text: line });
  }
  return blocks.map((block) => (block.kind === 'table' ? { kind: 'table', rows: squared(block.rows) } : block));
}

/** A row's cells: the text between the bars, an outer bar at either end not making an empty cell. */
function tableCells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** Every row as wide as the widest, short rows padded with empty cells, so Word draws a regular grid. */
function squared(rows: string[][]): string[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}
