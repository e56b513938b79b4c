import { citationDate, documentDateLine, parseDateOnly, undatedLine, vietnamDateOnly, vietnamDay } from '../party-dates';

describe('dates as Party documents write them', () => {
  it('a document’s own date: two-digit day and month (Hướng dẫn 36-HD/VPTW)', () => {
    expect(documentDateLine('Hà Nội', { year: 2019, month: 6, day: 5 })).toBe('Hà Nội, ngày 05 tháng 06 năm 2019');
    expect(documentDateLine('Thành phố Hồ Chí Minh', { year: 2019, month: 12, day: 31 })).toBe('Thành phố Hồ Chí Minh, ngày 31 tháng 12 năm 2019');
  });

  it('takes the day in Viet Nam: 17:00 UTC is already the next day in Hà Nội', () => {
    expect(vietnamDay(new Date('2019-06-04T17:00:00Z'))).toEqual({ year: 2019, month: 6, day: 5 });
    expect(vietnamDay(new Date('2019-06-04T16:59:59Z'))).toEqual({ year: 2019, month: 6, day: 4 });
    expect(vietnamDateOnly(new Date('2019-12-31T18:00:00Z'))).toBe('2020-01-01');
  });

  it('a cited document’s date: the day in two digits, the month as it is', () => {
    expect(citationDate(parseDateOnly('2019-05-28'))).toBe('28/5/2019');
    expect(citationDate(parseDateOnly('2019-06-05'))).toBe('05/6/2019');
    expect(citationDate(parseDateOnly('2017-10-25'))).toBe('25/10/2017');
  });

  it('a draft keeps the place and leaves the date blank, with no digit in it', () => {
    expect(undatedLine('Hà Nội')).toMatch(/^Hà Nội, ngày\s+tháng\s+năm\s+$/);
    expect(undatedLine('Hà Nội')).not.toMatch(/\d/);
  });

  it('refuses what is not a yyyy-mm-dd date', () => {
    expect(() => parseDateOnly('05/06/2019')).toThrow(/yyyy-mm-dd/);
  });
});
