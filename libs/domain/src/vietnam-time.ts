/**
 * The engine's zone is Asia/Ho_Chi_Minh: UTC+7 all year (Viet Nam keeps no daylight saving time),
 * so a fixed offset is exact and needs no zone database.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function shifted(at: Date): Date {
  return new Date(at.getTime() + OFFSET_MS);
}

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
