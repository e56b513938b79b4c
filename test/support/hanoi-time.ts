/**
 * Viet Nam time computed with the time-zone database (Intl), independently of the engine's own
 * fixed-offset helpers, to check what the engine writes.
 */
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function fields(ms: number): Record<string, string> {
  return Object.fromEntries(parts.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

/** dd/mm/yyyy HH:mm, as people read it. */
export function hanoiDateTime(ms: number): string {
  const f = fields(ms);
  return `${f.day}/${f.month}/${f.year} ${f.hour}:${f.minute}`;
}

/** yyyy-mm-dd, the local day. */
export function hanoiDay(ms: number): string {
  const f = fields(ms);
  return `${f.year}-${f.month}-${f.day}`;
}

/** ISO 8601 with the +07:00 offset and milliseconds, the form the API answers (and accepts). */
export function hanoiIso(ms: number): string {
  const f = fields(ms);
  return `${f.year}-${f.month}-${f.day}T${f.hour}:${f.minute}:${f.second}.${String(ms % 1000).padStart(3, '0')}+07:00`;
}

/** The same instant in UTC as dd/mm/yyyy HH:mm: what a text must not show instead of Hà Nội time. */
export function utcDateTime(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)} ${d.slice(11, 16)}`;
}

export const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?\+07:00$/;
