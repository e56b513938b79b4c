import { decodeMimeWords, rawHeader } from '../mime-words';

describe('decodeMimeWords', () => {
  it('decodes Q words, with underscores as spaces', () => {
    expect(decodeMimeWords('=?UTF-8?Q?Nh=E1=BA=AFc_vi=E1=BB=87c?=')).toBe('Nhắc việc');
  });

  it('decodes B words and leaves plain text alone', () => {
    expect(decodeMimeWords(`Re: =?utf-8?B?${Buffer.from('Quá hạn').toString('base64')}?= (1)`)).toBe('Re: Quá hạn (1)');
  });

  it('joins adjacent words, even when a character is split between them', () => {
    // "ắ" is E1 BA AF in UTF-8: split after its first byte.
    expect(decodeMimeWords('=?UTF-8?Q?Nh=E1?=\r\n =?UTF-8?Q?=BA=AFc?=')).toBe('Nhắc');
  });

  it('reads a folded header', () => {
    const message = 'From: a@b\r\nSubject: =?UTF-8?Q?Qu=C3=A1?=\r\n =?UTF-8?Q?_h=E1=BA=A1n?=\r\nTo: c@d\r\n\r\nSubject: body';
    expect(decodeMimeWords(rawHeader(message, 'subject')!)).toBe('Quá hạn');
  });
});
