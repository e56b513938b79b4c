import { monitorEventLoopDelay } from 'node:perf_hooks';
import { inflateRawSync } from 'node:zlib';
import { AppConfig } from '@app/config';
import { DocxRenderPool } from './docx-render-pool.service';
import type { PartyDocument } from './party-document.model';

/** The text of word/document.xml in a .docx (a zip: local file headers, deflated or stored). */
function documentXml(docx: Buffer): string {
  for (let at = 0; at + 30 < docx.length;) {
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
  const paragraphs = (what: string) =>
    Array.from({ length: units }, (_, u) => ({
      lead: `Chi bộ ${u + 1}: `,
      text: `cấp ủy đã cụ thể hóa kịp thời nghị quyết, đảng viên gương mẫu thực hiện (${what}).`,
    }));
  return {
    draft: false,
    superiorBody: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG',
    issuingBody: 'ĐẢNG ỦY KHỐI',
    numberLine: 'Số 12-BC/ĐUK',
    dateLine: 'Hà Nội, ngày 30 tháng 09 năm 2019',
    typeName: 'BÁO CÁO',
    title: 'Tổng kết công tác xây dựng Đảng nhiệm kỳ 2015-2020',
    opening: ['Thực hiện Kế hoạch số 144-KH/ĐUK ngày 05/6/2019 của Ban Thường vụ Đảng ủy Khối, Ban Thường vụ Đảng ủy Khối báo cáo kết quả như sau:'],
    parts: [
      {
        heading: 'II. KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG VÀ THI HÀNH ĐIỀU LỆ ĐẢNG',
        items: Array.from({ length: 10 }, (_, s) => ({
          heading: `${s + 1}. Mục ${s + 1}`,
          paragraphs: [],
          subsections: ['a) Kết quả, ưu điểm', 'b) Tồn tại, hạn chế', 'c) Nguyên nhân'].map((heading) => ({ heading, paragraphs: paragraphs(heading) })),
        })),
      },
    ],
    signature: { lines: ['T/M BAN THƯỜNG VỤ', 'K/T BÍ THƯ', 'PHÓ BÍ THƯ'], name: 'Lê Văn Hùng' },
    recipients: ['Ban Tổ chức Trung ương', 'Lưu: Văn phòng Đảng ủy Khối'],
    appendix: {
      title: 'PHỤ LỤC',
      subtitle: 'SỐ LIỆU CÔNG TÁC XÂY DỰNG ĐẢNG NHIỆM KỲ 2015-2020',
      attachedTo: '(Kèm theo Báo cáo số 12-BC/ĐUK ngày 30/9/2019 của Ban Thường vụ Đảng ủy Khối)',
      asOf: 'Số liệu tính đến ngày 10/09/2019',
      tables: [
        {
          title: 'Bảng 1. Một số số liệu khác',
          layout: 'by-unit',
          columns: ['STT', 'Đơn vị', 'Nghị quyết đã ban hành (văn bản)'],
          rows: Array.from({ length: units }, (_, u) => [String(u + 1), `Chi bộ ${u + 1}`, '3']),
          total: ['', 'TỔNG SỐ', String(3 * units)],
        },
      ],
    },
    annex: {
      title: 'TÌNH HÌNH TỔNG HỢP BÁO CÁO CỦA CÁC ĐƠN VỊ',
      header: ['Đơn vị', 'Tình trạng', 'Đúng hạn / trễ hạn', 'Số lần trả lại'],
      rows: [['Chi bộ 1', 'Đã tổng hợp', 'Đúng hạn', '0']],
    },
  };
}

describe('DocxRenderPool', () => {
  const pool = new DocxRenderPool(Object.assign(new AppConfig(), { DOCX_RENDER_THREADS: 2 }));
  afterAll(() => pool.onModuleDestroy());

  it('renders the plain model in a thread: a .docx with the Vietnamese text and the date line as given', async () => {
    const docx = await pool.render(document(2));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = documentXml(docx);
    // The title's hyphen does not break: "2015-2020" stays on one line.
    expect(xml).toContain('Tổng kết công tác xây dựng Đảng nhiệm kỳ 2015</w:t><w:noBreakHyphen/><w:t xml:space="preserve">2020');
    expect(xml).toContain('cấp ủy đã cụ thể hóa kịp thời nghị quyết');
    expect(xml).toContain('Chi bộ 2: ');
    expect(xml).toContain('Hà Nội, ngày 30 tháng 09 năm 2019');
    expect(xml).toContain('PHÓ BÍ THƯ');
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
