import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * What the API accepts in text fields, shared by every DTO so one rule holds everywhere:
 *
 * - codes (unit codes, plan codes, basis document codes) are Vietnamese letters, digits and `- . / _`:
 *   Greek, Cyrillic or Hebrew look-alikes would make two codes that read the same and differ;
 * - single-line fields (names, titles, usernames, e-mails, stage names…) carry no control character:
 *   a CR/LF ends up in a mail header or a file name, a bidi control makes a text read otherwise
 *   than it is stored;
 * - multi-line texts (report sections, comments) keep their line breaks and tabs, nothing else.
 *
 * Messages start with the field's name: Nest's ValidationPipe puts the path of a nested field
 * (`units.3.code`) in front of it.
 */

const VOWELS = 'aăâeêioôơuưy';
/** Grave, acute, hook above, tilde, dot below: the five tone marks. */
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** Every letter of the Vietnamese alphabet with and without tone, both cases, precomposed (NFC); the Latin letters f, j, w, z of foreign words too. */
export const VIETNAMESE_LETTERS: ReadonlySet<string> = (() => {
  const lower = [...'abcdefghijklmnopqrstuvwxyzđăâêôơư'];
  for (const vowel of VOWELS) for (const mark of TONE_MARKS) lower.push((vowel + mark).normalize('NFC'));
  return new Set(lower.flatMap((letter) => [letter, letter.toUpperCase()]));
})();

const CODE_PUNCTUATION = new Set(['-', '.', '/', '_']);
export const CODE_MAX_LENGTH = 64;

const isDigit = (c: string) => c >= '0' && c <= '9';
const isCodeCharacter = (c: string) => VIETNAMESE_LETTERS.has(c) || isDigit(c) || CODE_PUNCTUATION.has(c);

/** C0, DEL, C1, line and paragraph separators, and the bidi marks, embeddings, overrides and isolates. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/u;
/** The same, but a text of several lines keeps its line feeds, carriage returns and tabs. */
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/u;

const describeCharacter = (c: string, index: number) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ở vị trí ${index + 1}`;

/** Why a value is not a code, or null. */
export function codeProblem(value: unknown, maxLength = CODE_MAX_LENGTH): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'phải là một mã, không được để trống';
  const characters = [...value];
  if (characters.length > maxLength) return `dài tối đa ${maxLength} ký tự`;
  const bad = characters.findIndex((c) => !isCodeCharacter(c));
  if (bad >= 0) {
    const shown = CONTROL.test(characters[bad]) ? '' : `"${characters[bad]}" `;
    return `chỉ được gồm chữ cái tiếng Việt, chữ số và các dấu - . / _ (ký tự không hợp lệ: ${shown}${describeCharacter(characters[bad], bad)})`;
  }
  if (CODE_PUNCTUATION.has(characters[0])) return 'phải bắt đầu bằng chữ cái hoặc chữ số';
  return null;
}

/** Why a value is not a single line of text, or null (other types are left to @IsString and friends). */
export function singleLineProblem(value: unknown): string | null {
  return controlProblem(value, CONTROL, 'không được chứa ký tự điều khiển, ký tự xuống dòng hay ký tự đổi chiều văn bản');
}

/** Why a value is not a text of several lines, or null. */
export function multiLineProblem(value: unknown): string | null {
  return controlProblem(value, CONTROL_BUT_LINE_BREAKS, 'chỉ được xuống dòng; không được chứa ký tự điều khiển khác hay ký tự đổi chiều văn bản');
}

function controlProblem(value: unknown, pattern: RegExp, problem: string): string | null {
  if (typeof value !== 'string') return null;
  const match = pattern.exec(value);
  return match ? `${problem} (${describeCharacter(match[0], [...value.slice(0, match.index)].length)})` : null;
}

function textRule(name: string, problemOf: (value: unknown) => string | null, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName,
      options,
      validator: {
        // With `each`, class-validator calls validate per item but builds the message from the whole array.
        validate: (value: unknown) => problemOf(value) === null,
        defaultMessage: (args: ValidationArguments) => {
          const values = Array.isArray(args.value) && options?.each ? args.value : [args.value];
          return `${args.property} ${values.map(problemOf).find((p) => p !== null) ?? 'không hợp lệ'}`;
        },
      },
    });
}

/** A code: Vietnamese letters, digits and `- . / _`, starting with a letter or a digit, at most 64 characters. */
export const IsCode = (options?: ValidationOptions) => textRule('isCode', (value) => codeProblem(value), options);
/** One line of text: no control character, line break or bidi control. */
export const SingleLine = (options?: ValidationOptions) => textRule('singleLine', singleLineProblem, options);
/** Text of several lines: line breaks and tabs, no other control character, no bidi control. */
export const MultiLineText = (options?: ValidationOptions) => textRule('multiLineText', multiLineProblem, options);
