/**
 * The engine's zone is Asia/Ho_Chi_Minh: UTC+7 all year (Viet Nam keeps no daylight saving time),
 * so a fixed offset is exact and needs no zone database.
 */
export const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The wall clock in Viet Nam as a Date whose UTC fields read the local date and time: calendar
 * arithmetic (days, months) is then done with the getUTC and setUTC methods, then turned back.
 */
export function vietnamWallClock(at: Date): Date {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS);
}

/** The instant a Viet Nam wall clock (as vietnamWallClock gives it) shows. */
export function fromVietnamWallClock(local: Date): Date {
  return new Date(local.getTime() - VIETNAM_OFFSET_MS);
}

const shifted = vietnamWallClock;

/** ISO 8601 with the +07:00 offset, e.g. 2019-07-10T17:00:00.000+07:00. */
export function toVietnamIso(at: Date): string {
  return `${shifted(at).toISOString().slice(0, 23)}+07:00`;
}

/** The form people read: dd/mm/yyyy HH:mm in Viet Nam time. */
export function formatVietnamDateTime(at: Date): string {
  const local = shifted(at);
  return `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** dd/mm/yyyy in Viet Nam time. */
export function formatVietnamDate(at: Date): string {
  return formatVietnamDateTime(at).slice(0, 10);
}
