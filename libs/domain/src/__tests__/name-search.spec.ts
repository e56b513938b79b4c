import { foldForSearch, SQL_SEARCH_FOLD } from '../name-search';

/** What PostgreSQL's lower(translate(text, from, to)) does, for ASCII-only lower(). */
function sqlFold(text: string): string {
  const from = Array.from(SQL_SEARCH_FOLD.from);
  const to = Array.from(SQL_SEARCH_FOLD.to);
  return Array.from(text)
    .map((ch) => {
      const at = from.indexOf(ch);
      return at < 0 ? ch : (to[at] ?? '');
    })
    .join('')
    .replace(/[A-Z]/g, (c) => c.toLowerCase());
}

describe('searching names without diacritics', () => {
  it('folds Đặng to dang and Nguyễn Văn Thượng to nguyen van thuong', () => {
    expect(foldForSearch('Đặng')).toBe('dang');
    expect(foldForSearch('  Nguyễn   Văn Thượng ')).toBe('nguyen van thuong');
  });

  it('folds a decomposed (NFD) name as its precomposed form', () => {
    expect(foldForSearch('Lê Thị Hồng'.normalize('NFD'))).toBe('le thi hong');
  });

  it('maps each accented letter to one ASCII letter for translate()', () => {
    expect(Array.from(SQL_SEARCH_FOLD.to)).toHaveLength(134);
    expect(SQL_SEARCH_FOLD.to).toMatch(/^[a-z]+$/);
  });

  it('folds in SQL as in JavaScript, composed or decomposed, upper or lower case', () => {
    for (const name of ['Đặng Thị Ánh Tuyết', 'PHẠM ĐỨC ƯỚC', 'Hoàng Văn Ỷ', 'Trần Quốc Vượng'.normalize('NFD')]) {
      expect(sqlFold(name)).toBe(foldForSearch(name));
    }
  });
});
