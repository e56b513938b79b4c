import { digestRunDueToday, vietnamDay } from './digest-schedule';

describe('digestRunDueToday', () => {
  // 26/11/2026 in Hà Nội runs from 25/11 17:00 UTC to 26/11 17:00 UTC; 07:30 there is 00:30 UTC.
  it('is today’s 07:30 once it has passed, up to the end of the local day', () => {
    expect(digestRunDueToday('30 7 * * *', new Date('2026-11-26T00:30:00Z'))?.toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(digestRunDueToday('30 7 * * *', new Date('2026-11-26T08:00:00Z'))?.toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(digestRunDueToday('30 7 * * *', new Date('2026-11-26T16:59:59Z'))?.toISOString()).toBe('2026-11-26T00:30:00.000Z');
  });
  it('is null before 07:30 local, even though 07:30 UTC-day-wise may look past', () => {
    expect(digestRunDueToday('30 7 * * *', new Date('2026-11-26T00:29:59Z'))).toBeNull();
    // 25/11 17:30 UTC is already 26/11 00:30 in Hà Nội: yesterday's run does not count as today's.
    expect(digestRunDueToday('30 7 * * *', new Date('2026-11-25T17:30:00Z'))).toBeNull();
  });
  it('follows the pattern: none on a day it skips, the latest of several', () => {
    // 28/11/2026 is a Saturday.
    expect(digestRunDueToday('30 7 * * 1-5', new Date('2026-11-28T03:00:00Z'))).toBeNull();
    expect(digestRunDueToday('0 7,13 * * *', new Date('2026-11-26T07:00:00Z'))?.toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });
  it('names the day in Viet Nam', () => {
    expect(vietnamDay(new Date('2026-11-25T17:30:00Z'))).toBe('2026-11-26');
  });
});
