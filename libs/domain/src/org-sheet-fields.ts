/**
 * What a cell of the organisation's workbook must hold, with the reason in Vietnamese. The same
 * rules as the JSON import's (apps/api/src/common/text-rules.ts and its DTO), which a unit test
 * holds them to: a file accepted here is an import the JSON endpoint would accept.
 */

const VOWELS = 'aăâeêioôơuưy';
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LETTERS: ReadonlySet<string> = (() => {
  const lower = [...'abcdefghijklmnopqrstuvwxyzđăâêôơư'];
  for (const vowel of VOWELS) for (const mark of TONE_MARKS) lower.push((vowel + mark).normalize('NFC'));
  return new Set(lower.flatMap((letter) => [letter, letter.toUpperCase()]));
})();
const CODE_PUNCTUATION = new Set(['-', '.', '/', '_']);
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/u;

export const FIELD_LIMITS = Object.freeze({ code: 64, unitName: 300, place: 100, username: 100, fullName: 200, email: 200 });

/** Why a unit code is not one (Vietnamese letters, digits and - . / _, starting with a letter or digit), or null. */
export function sheetCodeProblem(code: string): string | null {
  const characters = [...code];
  if (characters.length > FIELD_LIMITS.code) return `dài tối đa ${FIELD_LIMITS.code} ký tự`;
  const bad = characters.find((c) => !LETTERS.has(c) && !(c >= '0' && c <= '9') && !CODE_PUNCTUATION.has(c));
  if (bad !== undefined)
    return `chỉ gồm chữ cái tiếng Việt, chữ số và các dấu - . / _ (không được có ${bad === ' ' ? 'dấu cách' : CONTROL.test(bad) ? 'ký tự điều khiển' : `“${bad}”`})`;
  if (CODE_PUNCTUATION.has(characters[0])) return 'phải bắt đầu bằng chữ cái hoặc chữ số';
  return null;
}

/** Why a text is not one line of at most `max` characters, or null. */
export function sheetLineProblem(text: string, max: number): string | null {
  if ([...text].length > max) return `dài tối đa ${max} ký tự`;
  if (CONTROL.test(text)) return 'không được chứa ký tự xuống dòng, ký tự điều khiển hay ký tự đổi chiều văn bản';
  return null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/** Why a username is not one (the JSON import's rule), or null. */
export function sheetUsernameProblem(username: string): string | null {
  if (USERNAME.test(username)) return null;
  return 'chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -, bắt đầu bằng chữ hoặc số, tối đa 100 ký tự';
}

/**
 * An address the mail relay will take: a local part and a domain with a dot, no spaces, quotes or
 * brackets (stricter than RFC 5322, as addresses of Party offices are).
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function sheetEmailProblem(email: string): string | null {
  if (email.length > FIELD_LIMITS.email) return `dài tối đa ${FIELD_LIMITS.email} ký tự`;
  if (!EMAIL.test(email)) return 'không phải một địa chỉ thư điện tử (ví dụ: nguyenvana@dangbo.vn)';
  return null;
}
