/**
 * Searching people by name without typing diacritics: "dang" finds "Đặng", "nguyen van" finds
 * "Nguyễn Văn". Đ/đ is a letter of its own in Unicode (it does not decompose), so it is folded by
 * hand; every other Vietnamese letter loses its marks through NFD.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** A text as searches compare it: lower case, without diacritics, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

const VIETNAMESE_LOWER = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const ACCENTED = VIETNAMESE_LOWER + VIETNAMESE_LOWER.toUpperCase();

/**
 * The same folding for PostgreSQL, where no extension is assumed: `lower(translate(column, from,
 * to))`. Each precomposed letter maps to its base letter; the combining marks of a decomposed text
 * come last in `from` with nothing in `to`, so translate() drops them.
 */
export const SQL_SEARCH_FOLD = {
  from: ACCENTED + Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)).join(''),
  to: Array.from(ACCENTED, (letter) => foldForSearch(letter)).join(''),
};
