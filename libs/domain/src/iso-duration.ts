import { invalid } from './domain-error';
import { fromVietnamWallClock, vietnamWallClock } from './vietnam-time';

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function parseDuration(text: string): Duration {
  const match = PATTERN.exec(text);
  if (!match) throw invalid(`${text} is not an ISO 8601 duration such as P7D or PT0S`);
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return { years, months, weeks, days, hours, minutes, seconds };
}

/**
 * Moves an instant by a duration (sign +1 or -1). Calendar parts (years, months, days) count in
 * Viet Nam's calendar, so "P1M before 31/7 17:00" lands on 30/6 17:00 local, not on a UTC date.
 */
export function shiftByDuration(at: Date, text: string, sign: 1 | -1): Date {
  const d = parseDuration(text);
  const local = vietnamWallClock(at);
  if (d.years || d.months) {
    const day = local.getUTCDate();
    local.setUTCDate(1);
    local.setUTCMonth(local.getUTCMonth() + sign * (d.years * 12 + d.months));
    const lastDay = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
    local.setUTCDate(Math.min(day, lastDay));
  }
  const fixedMs = ((d.weeks * 7 + d.days) * 86400 + d.hours * 3600 + d.minutes * 60 + d.seconds) * 1000;
  return fromVietnamWallClock(new Date(local.getTime() + sign * fixedMs));
}

export const addDuration = (at: Date, text: string) => shiftByDuration(at, text, 1);
export const subtractDuration = (at: Date, text: string) => shiftByDuration(at, text, -1);
