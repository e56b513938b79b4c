import { CronExpressionParser } from 'cron-parser';
import { toVietnamIso } from '@app/domain';

export const DIGEST_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/**
 * Today's run of the digest pattern that is already behind `now` (the latest one, at or before
 * it), or null when today's has not come yet or the pattern has none today. "Today" is the day in
 * Viet Nam; the pattern is read as BullMQ's scheduler reads it (cron-parser, in that zone).
 */
export function digestRunDueToday(pattern: string, now: Date): Date | null {
  const previous = CronExpressionParser.parse(pattern, { tz: DIGEST_TIME_ZONE, currentDate: new Date(now.getTime() + 1) });
  if (!previous.hasPrev()) return null;
  const run = previous.prev().toDate();
  return vietnamDay(run) === vietnamDay(now) ? run : null;
}

/** yyyy-mm-dd in Viet Nam. */
export function vietnamDay(at: Date): string {
  return toVietnamIso(at).slice(0, 10);
}
