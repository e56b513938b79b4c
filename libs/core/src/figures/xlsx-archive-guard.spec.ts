import { deflateRawSync } from 'node:zlib';
import { Workbook } from 'exceljs';
import { assertSafeXlsxArchive } from './xlsx-archive-guard';

/** A zip of one entry, its declared size chosen by the test (the CRC is not checked by the guard). */
function zipOf(content: Buffer, declaredSize = content.length, name = 'xl/worksheets/sheet1.xml'): Buffer {
  const data = deflateRawSync(content);
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const directoryOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('assertSafeXlsxArchive', () => {
  it('lets a real workbook through', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Số liệu').addRow(['Mã', 'Số liệu']);
    await expect(assertSafeXlsxArchive(Buffer.from(await workbook.xlsx.writeBuffer()))).resolves.toBeUndefined();
    await expect(assertSafeXlsxArchive(zipOf(Buffer.from('<worksheet/>')))).resolves.toBeUndefined();
  });

  it('refuses an archive that declares more than it may unpack to (a "zip bomb")', async () => {
    const bomb = zipOf(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(200_000);
    await expect(assertSafeXlsxArchive(bomb)).rejects.toThrow(/quá lớn khi giải nén/);
  });

  it('refuses an archive that unpacks to more than it declares, without unpacking it all', async () => {
    const before = process.memoryUsage().arrayBuffers;
    await expect(assertSafeXlsxArchive(zipOf(Buffer.alloc(64 * 1024 * 1024), 1_000))).rejects.toThrow(/không phải là bảng tính/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it.each([
    ['text', Buffer.from('Số liệu: 12')],
    ['nothing', Buffer.alloc(0)],
    ['a cut archive', zipOf(Buffer.from('<x/>')).subarray(0, 40)],
  ])('refuses %s', async (_, bytes) => {
    await expect(assertSafeXlsxArchive(bytes)).rejects.toThrow(/không phải là bảng tính/);
  });
});
