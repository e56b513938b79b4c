import { downloadName } from '../download-name';

describe('the name of a download', () => {
  it('takes the Vietnamese name from filename* rather than its ASCII fallback', () => {
    expect(downloadName(`attachment; filename="bao-cao-CB-Doan.docx"; filename*=UTF-8''bao-cao-CB-%C4%90o%C3%A0n.docx`)).toBe('bao-cao-CB-Đoàn.docx');
  });

  it('takes the plain filename when there is no filename*, or it is malformed', () => {
    expect(downloadName('attachment; filename="bao-cao-KBNN-KT.docx"')).toBe('bao-cao-KBNN-KT.docx');
    expect(downloadName('attachment; filename=bao-cao.docx')).toBe('bao-cao.docx');
    expect(downloadName(`attachment; filename="a.docx"; filename*=UTF-8''%E0%A4%A.docx`)).toBe('a.docx');
  });

  it('answers nothing without a name', () => {
    expect(downloadName('')).toBeUndefined();
    expect(downloadName('inline')).toBeUndefined();
  });
});
