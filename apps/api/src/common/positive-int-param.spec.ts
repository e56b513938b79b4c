import { DomainError } from '@app/domain';
import { PG_INT_MAX, PositiveIntPipe } from './positive-int-param';

describe('PositiveIntPipe', () => {
  const version = new PositiveIntPipe('version', { optional: true });

  it('passes whole numbers from 1 to the int maximum', () => {
    expect(version.transform('1')).toBe(1);
    expect(version.transform('42')).toBe(42);
    expect(version.transform(String(PG_INT_MAX))).toBe(PG_INT_MAX);
  });

  it('passes an absent optional parameter as undefined, refuses it when required', () => {
    expect(version.transform(undefined)).toBeUndefined();
    expect(() => new PositiveIntPipe('version').transform(undefined)).toThrow(DomainError);
  });

  it.each(['', '0', '-1', '2147483648', '99999999999', '1.5', '1e3', ' 1', '0x10', 'hai', '١'])('refuses "%s" with a 400 naming the parameter', (value) => {
    let thrown: unknown;
    try {
      version.transform(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'INVALID', message: expect.stringContaining('version') });
  });

  it('takes a number the global ValidationPipe already converted (the tsc build), and refuses what it made of bad text', () => {
    expect(version.transform(100)).toBe(100);
    for (const converted of [NaN, 0, -1, 1.5, 99_999_999_999]) expect(() => version.transform(converted)).toThrow(DomainError);
  });

  it('refuses a repeated parameter (an array)', () => {
    expect(() => version.transform(['1', '2'])).toThrow(DomainError);
  });
});
