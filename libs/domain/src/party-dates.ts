/**
 * Dates as Party documents write them, in Viet Nam time (UTC+7 all year, as vietnam-time.ts).
 * Hướng dẫn 36-HD/VPTW writes a document's own date with a two-digit day and month ("ngày 05 tháng
 * 06 năm 2019"); documents cited in a text are written as the Party's own texts cite them, the day
 * in two digits and the month as it is ("Kế hoạch số 144-KH/ĐUK ngày 05/6/2019").
 */
import { vietnamWallClock } from './vietnam-time';

const pad = (n: number) => String(n).padStart(2, '0');

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The calendar day of an instant in Viet Nam. */
export function vietnamDay(at: Date): CalendarDay {
  const local = vietnamWallClock(at);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** yyyy-mm-dd of the Viet Nam day of an instant, as PostgreSQL's `date` stores it. */
export function vietnamDateOnly(at: Date): string {
  const { year, month, day } = vietnamDay(at);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The parts of a yyyy-mm-dd date (a calendar date, no zone involved). */
export function parseDateOnly(date: string): CalendarDay {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) throw new Error(`not a yyyy-mm-dd date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** "Hà Nội, ngày 05 tháng 06 năm 2019". */
export function documentDateLine(place: string, date: CalendarDay): string {
  return `${place}, ngày ${pad(date.day)} tháng ${pad(date.month)} năm ${date.year}`;
}

/** A draft's date line: the place, and the day, month and year left for the office to fill in. */
export function undatedLine(place: string): string {
  return `${place}, ngày      tháng      năm      `;
}

/** "28/5/2019": a cited document's date. */
export function citationDate(date: CalendarDay): string {
  return `${pad(date.day)}/${date.month}/${date.year}`;
}
