import { validateHeaderValue } from 'node:http';
import { asciiFallback, attachmentDisposition } from './attachment-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII filename and the Vietnamese name in filename*', () => {
    expect(attachmentDisposition('bao-cao-CB-Đoàn.docx')).toBe(`attachment; filename="bao-cao-CB-Doan.docx"; filename*=UTF-8''bao-cao-CB-%C4%90o%C3%A0n.docx`);
  });

  it('makes a header Node accepts from any name, where the bare name failed', () => {
    expect(() => validateHeaderValue('Content-Disposition', 'attachment; filename="bao-cao-CB-Đoàn.docx"')).toThrow(/Invalid character/);
    for (const name of ['bao-cao-CB-Đoàn.docx', 'báo cáo "tổng hợp" Ủy ban ỹ.docx', 'a\r\nSet-Cookie: x=1.docx', 'Χ-Ж-א-🇻🇳.docx', 'lẻ\u202etxt.docx']) {
      const header = attachmentDisposition(name);
      expect(() => validateHeaderValue('Content-Disposition', header)).not.toThrow();
      expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%!._~-]+$/);
    }
  });

  it('round-trips the name through filename*, in composed form', () => {
    const name = 'bao-cao-tong-hop-ĐẢNG-ỦY-Ngữ.docx';
    const encoded = /filename\*=UTF-8''(.+)$/.exec(attachmentDisposition(name.normalize('NFD')))![1];
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('keeps no directory, quote or control character in either name', () => {
    const header = attachmentDisposition('../..\\x"y\r\n.docx');
    expect(header).toBe(`attachment; filename="..-..-x_y.docx"; filename*=UTF-8''..-..-x%22y.docx`);
  });

  it('strips the tones of every Vietnamese vowel for old clients', () => {
    expect(asciiFallback('ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ýỳỷỹỵ Đđ')).toBe('aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy Dd');
  });
});
