import { CellValue, stream } from 'exceljs';
import { Readable } from 'node:stream';
import { looseName, ORG_SHEETS, OrgSheets, PERSON_COLUMNS, SheetColumn, SheetTable, UNIT_COLUMNS } from '@app/domain';
import { XlsxFileRefused } from '../figures/xlsx-archive-guard';

/** Rows a sheet may have: a Bloc's people are some tens of thousands. */
export const MAX_SHEET_ROWS = 200_000;

/**
 * Reads the two sheets of an uploaded organisation workbook as text, row by row (exceljs's
 * streaming reader: a large file is never held as cells), finding each sheet by its name and each
 * column by its heading in the first row, however they are ordered; any other sheet is skipped and
 * any other heading recorded (a password column is refused by the rules). The archive must have
 * passed assertSafeXlsxArchive.
 */
export async function readOrgWorkbook(bytes: Buffer): Promise<OrgSheets> {
  for (let attempt = 1; ; attempt++) {
    const { sheets, sawIndex } = await readOnce(bytes);
    if (sawIndex) return sheets;
    if (attempt === READ_ATTEMPTS) throw new XlsxFileRefused(UNREADABLE);
  }
}

/**
 * exceljs's streaming reader (unzipper underneath) now and then ends its pass over an archive
 * early, before the workbook's index (xl/workbook.xml, which exceljs writes last): it then yields
 * no sheet and no error, and a whole, valid file read as having neither sheet (2 reads in 400 of
 * one exported workbook, the same bytes each time). The archive is whole (assertSafeXlsxArchive has
 * read its directory), so a pass that never reached the index is made again; a file with no index
 * at all is refused after the third.
 */
const READ_ATTEMPTS = 3;
const UNREADABLE = 'Không đọc được tệp bảng tính; hãy lưu lại dưới dạng Excel (.xlsx)';

async function readOnce(bytes: Buffer): Promise<{ sheets: OrgSheets; sawIndex: boolean }> {
  const result: OrgSheets = { units: null, people: null, otherHeadings: [] };
  const reader = new stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      if (looseName(name) === looseName(ORG_SHEETS.units) && !result.units) result.units = await readSheet(worksheet, ORG_SHEETS.units, UNIT_COLUMNS, result);
      else if (looseName(name) === looseName(ORG_SHEETS.people) && !result.people)
        result.people = await readSheet(worksheet, ORG_SHEETS.people, PERSON_COLUMNS, result);
      else for await (const _row of worksheet) void _row; // a sheet must be read through for the next one to come
    }
  } catch (error) {
    if (error instanceof XlsxFileRefused) throw error;
    throw new XlsxFileRefused(UNREADABLE);
  }
  // Set when the reader has read xl/workbook.xml (its sheets' names).
  return { sheets: result, sawIndex: (reader as unknown as { model?: unknown }).model !== undefined };
}

type RowLike = { number: number; values: CellValue[] | Record<string, CellValue> };

async function readSheet<K extends string>(
  worksheet: AsyncIterable<RowLike>,
  sheet: string,
  layout: readonly SheetColumn<K>[],
  into: OrgSheets,
): Promise<SheetTable<K>> {
  const table: SheetTable<K> = { sheet, columns: {}, rows: [] };
  const indexOf = new Map<K, number>();
  for await (const row of worksheet) {
    const values = Array.isArray(row.values) ? row.values : [];
    if (row.number === 1) {
      values.forEach((value, index) => {
        const heading = cellText(value);
        if (heading === '') return;
        const column = layout.find((c) => looseName(c.heading) === looseName(heading));
        if (column && !indexOf.has(column.key)) {
          indexOf.set(column.key, index);
          table.columns[column.key] = columnLetter(index);
        } else into.otherHeadings.push({ sheet, column: columnLetter(index), heading });
      });
      continue;
    }
    if (table.rows.length >= MAX_SHEET_ROWS)
      throw new XlsxFileRefused(`Trang “${sheet}” có quá nhiều dòng (tối đa ${MAX_SHEET_ROWS}); hãy chia thành nhiều tệp`);
    const cells = Object.fromEntries(layout.map((c) => [c.key, indexOf.has(c.key) ? cellText(values[indexOf.get(c.key)!]) : ''])) as Record<K, string>;
    table.rows.push({ row: row.number, cells });
  }
  return table;
}

/** A cell as the text a person sees in it: a number as written, a formula's result, a rich text's letters; trimmed, NFC. */
export function cellText(value: CellValue | undefined): string {
  return plain(value).normalize('NFC').trim();
}

function plain(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('result' in value) return plain(value.result as CellValue);
  if ('text' in value) return plain(value.text as CellValue);
  return '';
}

/** A column's number (exceljs row values count from 1, so 1 is A) as its letters: A, B, …, Z, AA, … */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
