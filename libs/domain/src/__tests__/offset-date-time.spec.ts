import { isOffsetDateTime, parseOffsetDateTime } from '../offset-date-time';

describe('parseOffsetDateTime', () => {
  it('reads an instant with its offset, with or without seconds and fractions', () => {
    expect(parseOffsetDateTime('2019-07-10T17:00:00+07:00')?.toISOString()).toBe('2019-07-10T10:00:00.000Z');
    expect(parseOffsetDateTime('2019-07-10T17:00+07:00')?.toISOString()).toBe('2019-07-10T10:00:00.000Z');
    expect(parseOffsetDateTime('2019-09-30T10:00:00.25Z')?.toISOString()).toBe('2019-09-30T10:00:00.250Z');
    expect(parseOffsetDateTime('2019-07-10T01:30:00-05:30')?.toISOString()).toBe('2019-07-10T07:00:00.000Z');
    expect(parseOffsetDateTime('2032-02-29T08:00:00+07:00')?.toISOString()).toBe('2032-02-29T01:00:00.000Z');
  });
  it('agrees with Date.parse on every real date', () => {
    for (const text of ['2019-12-31T23:59:59.999+07:00', '2020-01-01T00:00:00-12:00', '2030-06-15T12:34:56+14:00']) {
      expect(parseOffsetDateTime(text)?.getTime()).toBe(Date.parse(text));
    }
  });
  it('refuses calendar fields that do not exist, which Date.parse would roll over', () => {
    for (const text of [
      '2030-02-30T17:00:00+07:00',
      '2030-02-29T17:00:00Z',
      '2019-04-31T08:00:00+07:00',
      '2019-13-01T08:00:00+07:00',
      '2019-00-10T08:00:00Z',
    ]) {
      expect({ text, parsed: parseOffsetDateTime(text) }).toEqual({ text, parsed: null });
      expect(isOffsetDateTime(text)).toBe(false);
    }
  });
  it('refuses impossible times and offsets', () => {
    for (const text of [
      '2030-02-28T24:00:00+07:00',
      '2030-02-28T23:60:00Z',
      '2030-02-28T23:59:60Z',
      '2030-02-28T08:00:00+15:00',
      '2030-02-28T08:00:00+07:60',
    ]) {
      expect({ text, parsed: parseOffsetDateTime(text) }).toEqual({ text, parsed: null });
    }
  });
  it('needs an explicit offset or Z, and a string', () => {
    for (const text of ['2019-07-10T17:00:00', '2019-07-10 17:00+07:00', '2019-07-10', '10/07/2019 17:00', '', 'soon']) {
      expect({ text, parsed: parseOffsetDateTime(text) }).toEqual({ text, parsed: null });
    }
    expect(parseOffsetDateTime(1_562_752_800_000)).toBeNull();
    expect(parseOffsetDateTime(null)).toBeNull();
  });
});
