import { Workbook } from 'exceljs';
import type { Response, Test } from 'supertest';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const UNIT_HEADINGS = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Địa danh'];
export const PERSON_HEADINGS = ['Tên đăng nhập', 'Họ và tên', 'Thư điện tử', 'Mã đơn vị', 'Vai trò', 'Chức vụ'];

/**
 * An organisation workbook as an office would fill it in Excel: the sheets "Đơn vị" and "Người dùng"
 * with their headings in row 1 and the given rows below (a unit: code, name, kind, parent, place; a
 * person: username, full name, e-mail, unit, roles, position).
 */
export async function orgWorkbook(content: { units?: (string | number)[][]; people?: (string | number)[][] }): Promise<Buffer> {
  const workbook = new Workbook();
  const units = workbook.addWorksheet('Đơn vị');
  units.addRow(UNIT_HEADINGS);
  for (const row of content.units ?? []) units.addRow(row);
  const people = workbook.addWorksheet('Người dùng');
  people.addRow(PERSON_HEADINGS);
  for (const row of content.people ?? []) people.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends a workbook as the body of a request (the .xlsx itself, not multipart). */
export function withWorkbook(request: Test, bytes: Buffer): Test {
  return request.set('Content-Type', XLSX).send(bytes);
}

/** Lets supertest keep a binary answer (a workbook) as a Buffer in `res.body`. */
export function asBytes(request: Test): Test {
  return request.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

export async function loadWorkbook(res: Response): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(res.body as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet below its headings, each cell as text (blank as ''). */
export function sheetRows(workbook: Workbook, name: string): string[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: sheet.getRow(1).cellCount }, (_, i) => (values[i] === undefined || values[i] === null ? '' : String(values[i]))));
  });
  return rows;
}
