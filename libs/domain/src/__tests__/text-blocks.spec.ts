import { textBlocks } from '../text-blocks';

describe('textBlocks: a drafter’s plain text as the document lays it out', () => {
  it('keeps every non-blank line as its own paragraph, trimmed', () => {
    expect(textBlocks('Đoạn thứ nhất.\r\n\r\n   Đoạn thứ hai.  \nĐoạn thứ ba.')).toEqual([
      { kind: 'paragraph', text: 'Đoạn thứ nhất.' },
      { kind: 'paragraph', text: 'Đoạn thứ hai.' },
      { kind: 'paragraph', text: 'Đoạn thứ ba.' },
    ]);
    expect(textBlocks('   \n ')).toEqual([]);
    expect(textBlocks(undefined)).toEqual([]);
  });

  it('reads "- ", "* " and "• " lines as bulleted items and "1. ", "2) " lines as numbered ones', () => {
    expect(textBlocks('Kết quả chính:\n- Kết nạp 3 đảng viên\n* Sinh hoạt đều đặn\n• Không có vi phạm\n1. Tổ chức hội nghị\n2) Sơ kết giữa kỳ')).toEqual([
      { kind: 'paragraph', text: 'Kết quả chính:' },
      { kind: 'bullet', text: 'Kết nạp 3 đảng viên' },
      { kind: 'bullet', text: 'Sinh hoạt đều đặn' },
      { kind: 'bullet', text: 'Không có vi phạm' },
      { kind: 'numbered', number: '1.', text: 'Tổ chức hội nghị' },
      { kind: 'numbered', number: '2.', text: 'Sơ kết giữa kỳ' },
    ]);
  });

  it('leaves a dash or a number inside a sentence, or with nothing after it, as a paragraph', () => {
    expect(textBlocks('Giai đoạn 2020-2025 đạt kết quả.\n2025. Năm bản lề\n-\n-5 đảng viên')).toEqual([
      { kind: 'paragraph', text: 'Giai đoạn 2020-2025 đạt kết quả.' },
      { kind: 'paragraph', text: '2025. Năm bản lề' },
      { kind: 'paragraph', text: '-' },
      { kind: 'paragraph', text: '-5 đảng viên' },
    ]);
  });

  it('makes a run of "|" lines one table, outer bars and Markdown rules dropped, short rows padded', () => {
    expect(textBlocks('Số liệu:\n| Năm | Kết nạp | Ghi chú |\n|---|:---:|---|\n| 2024 | 3 |\n2025 | 4 | tốt\nHết bảng.')).toEqual([
      { kind: 'paragraph', text: 'Số liệu:' },
      {
        kind: 'table',
        rows: [
          ['Năm', 'Kết nạp', 'Ghi chú'],
          ['2024', '3', ''],
          ['2025', '4', 'tốt'],
        ],
      },
      { kind: 'paragraph', text: 'Hết bảng.' },
    ]);
  });

  it('starts a new table after a line that is not a row', () => {
    const blocks = textBlocks('| a | b |\nở giữa\n| c | d |');
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'table']);
  });
});
