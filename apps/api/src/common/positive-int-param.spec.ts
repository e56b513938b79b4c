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

  it('refuses what is not the text of the parameter: a repeated parameter (an array), a number already converted', () => {
    expect(() => version.transform(100)).toThrow(DomainError);
    expect(() => version.transform(['1', '2'])).toThrow(DomainError);
  });
});
