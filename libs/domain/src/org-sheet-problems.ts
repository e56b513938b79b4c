import type { SheetColumn } from './org-sheet-layout';

/**
 * One thing wrong with an uploaded organisation workbook, placed as a person finds it in Excel:
 * the sheet, the row, the column (letter and heading) and the cell. A problem of a whole sheet (a
 * missing sheet or heading) or of the whole file (no administrator would remain) has no row.
 */
export interface SheetProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  heading: string | null;
  cell: string | null;
  message: string;
}

/** One sheet's cells, read by column key: trimmed text, '' for a blank cell. */
export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, string>;
}

/** A sheet as read: its name, where each known column was found (its letter), and its rows below the headings. */
export interface SheetTable<K extends string> {
  sheet: string;
  columns: Partial<Record<K, string>>;
  rows: SheetRow<K>[];
}

/** Collects the problems of one sheet, placing each by the column's letter and heading. */
export class SheetProblems<K extends string> {
  constructor(
    private readonly table: Pick<SheetTable<K>, 'sheet' | 'columns'>,
    private readonly layout: readonly SheetColumn<K>[],
    private readonly into: SheetProblem[],
  ) {}

  at(row: number, key: K, message: string): void {
    const column = this.table.columns[key] ?? null;
    const heading = this.layout.find((c) => c.key === key)?.heading ?? null;
    this.into.push({ sheet: this.table.sheet, row, column, heading, cell: column ? `${column}${row}` : null, message });
  }

  ofSheet(message: string): void {
    this.into.push({ sheet: this.table.sheet, row: null, column: null, heading: null, cell: null, message });
  }
}

/** In the order a person reads them: by sheet as given, then row, then column. */
export function sortProblems(problems: readonly SheetProblem[], sheetOrder: readonly string[]): SheetProblem[] {
  const sheetRank = (sheet: string) => (sheetOrder.includes(sheet) ? sheetOrder.indexOf(sheet) : sheetOrder.length);
  const columnRank = (column: string | null) => (column === null ? '' : column.padStart(3, ' '));
  return [...problems].sort(
    (a, b) => sheetRank(a.sheet) - sheetRank(b.sheet) || (a.row ?? 0) - (b.row ?? 0) || columnRank(a.column).localeCompare(columnRank(b.column)),
  );
}
