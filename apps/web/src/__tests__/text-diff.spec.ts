import { diffWords } from '../text-diff';

const render = (before: string, after: string) =>
  diffWords(before, after)
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');

describe('word diff of two versions of a part', () => {
  it('marks a replaced phrase as one deletion and one insertion (punctuation is a word of its own)', () => {
    expect(render('Hạn chế: có lúc còn hình thức.', 'Hạn chế: đã khắc phục một phần.')).toBe('Hạn chế: [-có lúc còn hình thức-]{+đã khắc phục một phần+}.');
  });

  it('keeps what did not change and marks single words', () => {
    expect(render('a b c', 'a x c')).toBe('a [-b-]{+x+} c');
    expect(render('Ưu điểm một', 'Ưu điểm một hai')).toBe('Ưu điểm một{+ hai+}');
  });

  it('handles empty sides and line breaks', () => {
    expect(render('', 'mới')).toBe('{+mới+}');
    expect(render('cũ', '')).toBe('[-cũ-]');
    expect(render('dòng 1\ndòng 2', 'dòng 1\ndòng 3')).toBe('dòng 1\ndòng [-2-]{+3+}');
  });

  it('gives both texts back exactly', () => {
    const before = 'Nguyên nhân: một số đồng chí chưa dành thời gian nghiên cứu.';
    const after = 'Nguyên nhân: nhiều đồng chí đã dành thời gian nghiên cứu, quán triệt.';
    const pieces = diffWords(before, after);
    expect(
      pieces
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(before);
    expect(
      pieces
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe(after);
  });
});
