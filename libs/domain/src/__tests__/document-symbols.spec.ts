import { documentSymbol, documentTypeNameOf, numberLine, parseSymbol } from '../document-symbols';

describe('numbers and symbols of Party documents', () => {
  it('writes a register number with its type and issuer codes', () => {
    expect(documentSymbol(12, 'BC', 'ĐU')).toBe('12-BC/ĐU');
    expect(numberLine('12-BC/ĐU', 'BC', 'ĐU')).toBe('Số 12-BC/ĐU');
  });

  it('leaves the number blank on a draft, keeping the type and issuer', () => {
    expect(numberLine(null, 'BC', 'CB')).toMatch(/^Số\s+-BC\/CB$/);
    expect(numberLine(null, 'BC', 'CB')).not.toMatch(/\d/);
  });

  it('reads the kind of a cited document from its symbol', () => {
    expect(parseSymbol('144-KH/ĐUK')).toEqual({ number: '144', typeCode: 'KH', issuerCode: 'ĐUK' });
    expect(documentTypeNameOf('48-CV/TBĐLĐ')).toBe('Công văn');
    expect(documentTypeNameOf('144-KH/ĐUK')).toBe('Kế hoạch');
    expect(documentTypeNameOf('08-QĐi/TW')).toBe('Quy định');
    expect(documentTypeNameOf('98-QĐ/TW')).toBe('Quyết định');
    expect(documentTypeNameOf('05-CT/TW')).toBe('Chỉ thị');
    expect(documentTypeNameOf('1847/QĐ-TTg')).toBe('Văn bản');
    expect(documentTypeNameOf('3F9A2B-KH/ĐUK')).toBe('Kế hoạch');
  });

  it('reads a symbol written in decomposed form (NFD) too', () => {
    expect(documentTypeNameOf('36-HD/VPTW'.normalize('NFD'))).toBe('Hướng dẫn');
    expect(parseSymbol('144-KH/ĐUK'.normalize('NFD'))?.issuerCode).toBe('ĐUK');
  });
});
