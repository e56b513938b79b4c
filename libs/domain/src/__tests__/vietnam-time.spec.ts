import { formatVietnamDate, formatVietnamDateTime, toVietnamIso } from '../vietnam-time';

describe('Viet Nam time', () => {
  const due = new Date('2019-07-10T10:00:00Z');
  it('writes ISO 8601 with +07:00', () => {
    expect(toVietnamIso(due)).toBe('2019-07-10T17:00:00.000+07:00');
    expect(new Date(toVietnamIso(due)).getTime()).toBe(due.getTime());
  });
  it('formats dd/mm/yyyy HH:mm across the date line', () => {
    expect(formatVietnamDateTime(due)).toBe('10/07/2019 17:00');
    expect(formatVietnamDateTime(new Date('2019-06-30T17:30:00Z'))).toBe('01/07/2019 00:30');
    expect(formatVietnamDate(new Date('2019-12-31T18:00:00Z'))).toBe('01/01/2020');
  });
});
