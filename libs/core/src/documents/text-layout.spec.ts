import { renderDocx } from './docx-renderer';
import { attributed, textParagraphs } from './paragraphs';
import type { PartyDocument } from './party-document.model';
import { paragraphText, readWordFile } from './word-file';

const WRITTEN = ['Kết quả chính:', '- Kết nạp 3 đảng viên', '1. Tổ chức hội nghị', '| Năm | Kết nạp |', '|---|---|', '| 2024 | 3 |', 'Hết.'].join('\n');

function documentWith(paragraphs: ReturnType<typeof textParagraphs>): PartyDocument {
  return {
    draft: true,
    superiorBody: null,
    issuingBody: 'CHI BỘ VỤ KẾ TOÁN NHÀ NƯỚC',
    numberLine: 'Số -BC/CB',
    dateLine: 'Hà Nội, ngày … tháng … năm …',
    typeName: 'BÁO CÁO',
    title: 'Tổng kết',
    opening: [],
    parts: [{ heading: 'I. ĐẶC ĐIỂM TÌNH HÌNH', items: [{ heading: null, paragraphs, subsections: [] }] }],
    signature: null,
    recipients: ['Lưu Chi bộ'],
    appendix: null,
  };
}

describe('a drafter’s lists and tables in the document', () => {
  it('turns the text into paragraphs, hanging list items and a table', () => {
    expect(textParagraphs(WRITTEN)).toEqual([
      { text: 'Kết quả chính:' },
      { text: 'Kết nạp 3 đảng viên', marker: '–' },
      { text: 'Tổ chức hội nghị', marker: '1.' },
      {
        text: '',
        rows: [
          ['Năm', 'Kết nạp'],
          ['2024', '3'],
        ],
      },
      { text: 'Hết.' },
    ]);
  });

  it('leads a unit’s text with its name, on a line of its own when the text opens with a table', () => {
    expect(attributed('Chi bộ A', '- một\nhai')).toEqual([{ lead: 'Chi bộ A: ', text: 'một', marker: '–' }, { text: 'hai' }]);
    expect(attributed('Chi bộ A', '| x | y |')).toEqual([
      { lead: 'Chi bộ A:', text: '' },
      { text: '', rows: [['x', 'y']] },
    ]);
    expect(attributed('Chi bộ A', '  ')).toEqual([]);
  });

  it('writes list items as hanging paragraphs and the table as a Word table', async () => {
    const { xml, paragraphs } = readWordFile(await renderDocx(documentWith(textParagraphs(WRITTEN))));
    const item = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => paragraphText(p) === '–Kết nạp 3 đảng viên');
    expect(item).toMatch(/<w:ind [^>]*w:hanging=/);
    expect(item).toContain('<w:tab/>');
    expect(paragraphs).toContain('1.Tổ chức hội nghị');
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
    const written = tables.find((t) => t.includes('Kết nạp'));
    expect(written).toBeDefined();
    const rows = [...written!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
      [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) => paragraphText(cell)),
    );
    expect(rows).toEqual([
      ['Năm', 'Kết nạp'],
      ['2024', '3'],
    ]);
    expect(paragraphs.indexOf('Hết.')).toBeGreaterThan(paragraphs.indexOf('2024'));
  });
});
