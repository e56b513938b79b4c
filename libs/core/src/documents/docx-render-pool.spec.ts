import { monitorEventLoopDelay } from 'node:perf_hooks';
import { inflateRawSync } from 'node:zlib';
import { AppConfig } from '@app/config';
import { DocxRenderPool } from './docx-render-pool.service';
import type { PartyDocument } from './party-document.model';

/** The text of word/document.xml in a .docx (a zip: local file headers, deflated or stored). */
function documentXml(docx: Buffer): string {
  for (let at = 0; at + 30 < docx.length; ) {
    if (docx.readUInt32LE(at) !== 0x04034b50) break;
    const method = docx.readUInt16LE(at + 8);
    const size = docx.readUInt32LE(at + 18);
    const nameLength = docx.readUInt16LE(at + 26);
    const extraLength = docx.readUInt16LE(at + 28);
    const name = docx.subarray(at + 30, at + 30 + nameLength).toString();
    const data = docx.subarray(at + 30 + nameLength + extraLength, at + 30 + nameLength + extraLength + size);
    if (name === 'word/document.xml') return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 30 + nameLength + extraLength + size;
  }
  throw new Error('no word/document.xml');
}

function document(units: number): PartyDocument {
  return {
    superiorBody: 'Đảng bộ Khối các cơ quan Trung ương',
    issuingBody: 'Đảng ủy Khối',
    numberAndSymbol: '…-BC/ĐUK',
    place: 'Hà Nội',
    date: new Date('2019-09-30T10:00:00+07:00'),
    typeName: 'BÁO CÁO',
    title: 'Tổng kết công tác xây dựng Đảng nhiệm kỳ 2015-2020',
    figuresAsOf: new Date('2019-09-10T17:00:00+07:00'),
    sections: Array.from({ length: 10 }, (_, s) => ({
      title: `Mục ${s + 1}`,
      parts: (['strengths', 'limitations', 'causes', 'lessons', 'directions'] as const).map((part) => ({
        part,
        paragraphs: Array.from({ length: units }, (_, u) => `Chi bộ ${u + 1}: cấp ủy đã cụ thể hóa kịp thời nghị quyết, đảng viên gương mẫu thực hiện (${part}).`),
      })),
    })),
    indicators: [{ label: 'Số nghị quyết ban hành', value: 12 }],
    annex: { title: 'PHỤ LỤC', header: ['Đơn vị', 'Tình trạng'], rows: [['Chi bộ 1', 'Đã tổng hợp']] },
    signature: { onBehalfOf: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: 'Nguyễn Văn An' },
    recipients: ['Ban Tổ chức Trung ương', 'Lưu Văn phòng'],
  };
}

describe('DocxRenderPool', () => {
  const pool = new DocxRenderPool(Object.assign(new AppConfig(), { DOCX_RENDER_THREADS: 2 }));
  afterAll(() => pool.onModuleDestroy());

  it('renders the plain model in a thread: a .docx with the Vietnamese text and the dates as given', async () => {
    const docx = await pool.render(document(2));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = documentXml(docx);
    expect(xml).toContain('Tổng kết công tác xây dựng Đảng nhiệm kỳ 2015-2020');
    expect(xml).toContain('Chi bộ 2: cấp ủy đã cụ thể hóa kịp thời nghị quyết');
    expect(xml).toContain('Hà Nội, ngày 30 tháng 9 năm 2019');
  }, 30_000);

  it('keeps the event loop free while large documents render (300 units in full, DOCX_FULL_TEXT_MAX_UNITS)', async () => {
    await pool.render(document(1)); // threads started and warm
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    const documents = await Promise.all([pool.render(document(300)), pool.render(document(300))]);
    const elapsed = Date.now() - started;
    delay.disable();
    expect(documents.every((d) => d.length > 50_000)).toBe(true);
    // Rendering took the threads a while, and the loop here was never held for more than a fraction of it.
    expect(elapsed).toBeGreaterThan(300);
    expect(delay.max / 1e6).toBeLessThan(Math.max(150, elapsed / 4));
  }, 60_000);
});
