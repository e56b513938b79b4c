import { bytesOf } from './body-size';

describe('bytesOf', () => {
  it('reads b, kb and mb', () => {
    expect(bytesOf('512b')).toBe(512);
    expect(bytesOf('4kb')).toBe(4096);
    expect(bytesOf('8MB')).toBe(8 * 1024 * 1024);
  });
  it('refuses what it cannot mean, so a typo stops start-up', () => {
    expect(() => bytesOf('4 kilobytes')).toThrow(/Not a body size/);
    expect(() => bytesOf('-1kb')).toThrow(/Not a body size/);
    expect(() => bytesOf('1.5mb')).toThrow(/Not a body size/);
  });
});
