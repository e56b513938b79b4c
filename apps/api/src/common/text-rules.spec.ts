import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, ValidateNested } from 'class-validator';
import { codeProblem, IsCode, multiLineProblem, MultiLineText, SingleLine, singleLineProblem, VIETNAMESE_LETTERS } from './text-rules';

class UnitBody {
  @IsCode() code: string;
  @SingleLine() name: string;
}

class ImportBody {
  @IsArray() @ValidateNested({ each: true }) @Type(() => UnitBody) units: UnitBody[];
  @IsOptional() @IsCode({ each: true }) codes?: string[];
  @IsOptional() @MultiLineText() comment?: string;
}

/** The messages the API's global pipe (same options as configureApp) answers for a body. */
async function messagesFor(body: unknown): Promise<string[]> {
  const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });
  try {
    await pipe.transform(body, { type: 'body', metatype: ImportBody });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { message: string[] }).message;
  }
}

describe('codes', () => {
  it.each(['DUK', 'KBNN-KT', '144-KH/ĐUK', 'CB-Đoàn', 'Chi_bộ.3', 'ĐẢNG-ỦY', 'Ỳ-ỵ-ữ-Ặ', '48-CV/TBĐLĐ', '2019'])('accepts %s', (code) => {
    expect(codeProblem(code)).toBeNull();
  });

  it.each([
    ['a Greek alpha', 'KBNN-Κ\u03b1'],
    ['a Cyrillic a', 'KBNN-\u0430'],
    ['a Hebrew letter', 'KBNN-\u05d0'],
    ['a space', 'KBNN KT'],
    ['a quote', 'KH"ĐUK'],
    ['CR/LF', '144-KH\r\nBcc: x'],
    ['a combining tone mark (decomposed text)', 'CB-Đoa\u0300n'],
    ['a multiplication sign from the old À-ỹ range', 'A×B'],
    ['a zero-width space', 'KBNN\u200b'],
    ['a leading slash', '/etc'],
    ['a leading dot', '..'],
    ['nothing', ''],
  ])('refuses %s', (_what, code) => {
    expect(codeProblem(code)).toEqual(expect.any(String));
  });

  it('refuses more than 64 characters, counting letters rather than UTF-16 units', () => {
    expect(codeProblem('Đ'.repeat(64))).toBeNull();
    expect(codeProblem('Đ'.repeat(65))).toMatch(/64/);
  });

  it('knows the 134 letters with tones and the 14 special ones of Vietnamese, each a single precomposed character', () => {
    for (const letter of VIETNAMESE_LETTERS) expect([...letter]).toHaveLength(1);
    for (const letter of 'ắằẳẵặấầẩẫậếềểễệốồổỗộớờởỡợứừửữựýỳỷỹỵĂÂĐÊÔƠƯ') expect(VIETNAMESE_LETTERS.has(letter)).toBe(true);
    expect(VIETNAMESE_LETTERS.size).toBe(2 * (26 + 7 + 12 * 5));
  });

  it('names the bad character and its position', () => {
    expect(codeProblem('KB\u03b1')).toContain('U+03B1 ở vị trí 3');
  });
});

describe('single-line and multi-line texts', () => {
  it.each([
    ['LF', 'Nguyễn\nVăn'],
    ['CR', 'A\rB'],
    ['tab', 'A\tB'],
    ['NUL', 'A\u0000'],
    ['ESC', '\u001b[31m'],
    ['DEL', 'A\u007f'],
    ['C1 NEL', 'A\u0085'],
    ['line separator', 'A\u2028B'],
    ['paragraph separator', 'A\u2029B'],
    ['right-to-left override', 'A\u202eB'],
    ['left-to-right mark', '\u200eA'],
    ['first strong isolate', 'A\u2068B'],
    ['Arabic letter mark', 'A\u061cB'],
  ])('a single line refuses a %s', (_what, text) => {
    expect(singleLineProblem(text)).toEqual(expect.any(String));
  });

  it('a single line keeps Vietnamese, quotes and punctuation', () => {
    expect(singleLineProblem('Nguyễn Văn "Ba" <ba@example.vn>, Đảng bộ Khối — “tự diễn biến” 100%')).toBeNull();
  });

  it('a multi-line text keeps line feeds, CRLF and tabs, and refuses the other controls', () => {
    expect(multiLineProblem('Ưu điểm:\r\n\t- đoàn kết\n- dân chủ')).toBeNull();
    for (const bad of ['A\u0000', 'A\u000b', 'A\u001b', 'A\u0085', 'A\u2028', 'A\u202e']) expect(multiLineProblem(bad)).toEqual(expect.any(String));
  });

  it('leaves other types to the type validators', () => {
    expect(singleLineProblem(7)).toBeNull();
    expect(multiLineProblem(undefined)).toBeNull();
  });

  it('names the position in characters', () => {
    expect(singleLineProblem('Đảng\nbộ')).toContain('U+000A ở vị trí 5');
  });
});

describe('decorators through the global validation pipe', () => {
  it('pass a valid body', async () => {
    expect(await messagesFor({ units: [{ code: 'CB-Đoàn', name: 'Chi bộ Đoàn thanh niên' }], codes: ['DUK'], comment: 'Dòng 1\nDòng 2' })).toEqual([]);
  });

  it('answer 400 messages that name the nested field', async () => {
    const messages = await messagesFor({
      units: [
        { code: 'DUK', name: 'Khối' },
        { code: 'KBNN-Κ', name: 'Kho bạc\r\nBcc: x' },
      ],
      codes: ['DUK', 'Х'],
      comment: 'A\u202eB',
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^units\.1\.code chỉ được gồm chữ cái tiếng Việt/),
        expect.stringMatching(/^units\.1\.name không được chứa ký tự điều khiển.*U\+000D ở vị trí 8/),
        expect.stringMatching(/^codes chỉ được gồm chữ cái tiếng Việt.*U\+0425/),
        expect.stringMatching(/^comment chỉ được xuống dòng/),
      ]),
    );
    expect(messages).toHaveLength(4);
  });
});
