import { importSealKey, openPassword, sealPassword } from './import-password-seal';

describe('import password seal', () => {
  const key = importSealKey('mot-bi-mat-du-dai-cho-jwt-cua-he-thong-tong-ket');

  it('derives the same 32-byte key from the same secret, another from another', () => {
    expect(key).toHaveLength(32);
    expect(importSealKey('mot-bi-mat-du-dai-cho-jwt-cua-he-thong-tong-ket').equals(key)).toBe(true);
    expect(importSealKey('mot-bi-mat-khac-hoan-toan-cho-jwt-cua-he-thong').equals(key)).toBe(false);
  });

  it('seals without the password in sight, differently each time, and opens it again', () => {
    const a = sealPassword(key, 'Mật-khẩu-2019', 'import-1:kbnn.bithu');
    const b = sealPassword(key, 'Mật-khẩu-2019', 'import-1:kbnn.bithu');
    expect(a).not.toContain('Mật-khẩu');
    expect(a).not.toEqual(b);
    expect(openPassword(key, a, 'import-1:kbnn.bithu')).toBe('Mật-khẩu-2019');
  });

  it('refuses a text altered, moved to another person, or opened with another key', () => {
    const sealed = sealPassword(key, 'tongket-2019', 'import-1:kbnn.bithu');
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => openPassword(key, altered, 'import-1:kbnn.bithu')).toThrow();
    expect(() => openPassword(key, sealed, 'import-1:admin')).toThrow();
    expect(() => openPassword(importSealKey('mot-bi-mat-khac-hoan-toan-cho-jwt-cua-he-thong'), sealed, 'import-1:kbnn.bithu')).toThrow();
    expect(() => openPassword(key, 'tongket-2019', 'import-1:kbnn.bithu')).toThrow(/Not a sealed password/);
  });
});
