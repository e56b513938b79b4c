/**
 * An ISO 8601 instant written with its offset (`Z` or `±hh:mm`), e.g. 2019-07-10T17:00:00+07:00.
 * Seconds and fractions are optional; the offset is not, since a deadline without one would mean
 * whatever zone the server happens to run in.
 */
const OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant an offset date-time names, or null when it names none. `Date.parse` rolls impossible
 * calendar fields over (30 February becomes 2 March, 24:00 the next day), and PostgreSQL refuses
 * them, so the text must round-trip: its fields, read back in its own offset, are what was written.
 */
export function parseOffsetDateTime(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const match = OFFSET_DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone, sign, offsetHours, offsetMinutes] = match;
  if (zone !== 'Z' && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59)) return null;
  const offsetMs = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const fields = [Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second)];
  // setUTCFullYear, not Date.UTC, which would read years 0-99 as 1900-1999.
  const local = new Date(0);
  local.setUTCFullYear(fields[0], fields[1], fields[2]);
  local.setUTCHours(fields[3], fields[4], fields[5], Number(fraction.padEnd(3, '0').slice(0, 3)));
  const readBack = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds()];
  if (readBack.some((value, i) => value !== fields[i])) return null;
  return new Date(local.getTime() - offsetMs);
}

export function isOffsetDateTime(text: unknown): text is string {
  return parseOffsetDateTime(text) !== null;
}
