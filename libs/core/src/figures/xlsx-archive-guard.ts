import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

const inflate = promisify(inflateRaw);

/** What a figures workbook may unpack to: a filled appendix is some tens of kilobytes. */
export const XLSX_LIMITS = { entries: 200, uncompressedBytes: 16 * 1024 * 1024 } as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The uploaded file is not a workbook this API will open; the message is for the person who sent it. */
export class XlsxFileRefused extends Error {}

const refuse = (why: string) => new XlsxFileRefused(why);
const NOT_XLSX = 'Tệp không phải là bảng tính Excel (.xlsx)';

/**
 * Checks an .xlsx (a zip) before a parser unpacks it: a two-megabyte upload can inflate to gigabytes
 * (a "zip bomb") and take the API's capped heap with it, and the parser trusts what the archive
 * declares. Reads the central directory, refuses more than XLSX_LIMITS entries or bytes declared,
 * encryption, zip64 and unknown methods, then inflates each entry off the event loop with its
 * output capped at its declared size, so an archive that lies about its sizes is refused too.
 */
export async function assertSafeXlsxArchive(bytes: Buffer, limits = XLSX_LIMITS): Promise<void> {
  const end = findEndOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw refuse('Tệp bảng tính quá lớn (định dạng zip64)');
  if (count === 0) throw refuse(NOT_XLSX);
  if (count > limits.entries) throw refuse(`Tệp bảng tính có quá nhiều thành phần (${count})`);
  let at = directoryOffset;
  let declared = 0;
  const entries: { method: number; compressed: number; size: number; localOffset: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw refuse(NOT_XLSX);
    const flags = bytes.readUInt16LE(at + 8);
    const entry = {
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    if (flags & 0x1) throw refuse('Tệp bảng tính được mã hóa; hãy lưu lại không đặt mật khẩu');
    if (entry.method !== 0 && entry.method !== 8) throw refuse(NOT_XLSX);
    declared += entry.size;
    if (declared > limits.uncompressedBytes) throw refuse('Tệp bảng tính quá lớn khi giải nén');
    entries.push(entry);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  for (const entry of entries) await assertEntryTruthful(bytes, entry);
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw refuse(NOT_XLSX);
}

async function assertEntryTruthful(bytes: Buffer, entry: { method: number; compressed: number; size: number; localOffset: number }): Promise<void> {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw refuse(NOT_XLSX);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressed > bytes.length) throw refuse(NOT_XLSX);
  if (entry.method === 0) {
    if (entry.compressed !== entry.size) throw refuse(NOT_XLSX);
    return;
  }
  const data = bytes.subarray(start, start + entry.compressed);
  // One byte more than declared is enough to catch a lie; an empty entry needs a non-zero cap.
  const inflated = await inflate(data, { maxOutputLength: entry.size + 1 }).catch(() => {
    throw refuse(NOT_XLSX);
  });
  if (inflated.length !== entry.size) throw refuse(NOT_XLSX);
}
