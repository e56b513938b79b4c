const width = (text: string) => [...text.normalize('NFC')].length;

/** A plain-text table with a header rule, sized to its widest cells. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.normalize('NFC') + ' '.repeat(widths[i] - width(c)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
