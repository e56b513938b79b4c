import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { toVietnamIso } from '@app/domain';

/**
 * The value with every valid Date as its +07:00 string (toVietnamIso), for JSON.stringify to write
 * without a replacer function: the same text a replacer turning Dates into toVietnamIso would give, at
 * a fraction of the cost, since V8's own serialiser runs without calling back into JavaScript per key.
 * Nothing is mutated: an object or array is copied only when something inside it changed, so a
 * value without Dates comes back as it is. Like JSON.stringify, an object's toJSON is called first,
 * with its key, and only own enumerable string keys are visited; an invalid Date stays a Date (null).
 */
export function withVietnamTimes(value: unknown, key = ''): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : toVietnamIso(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const json: unknown = (value as { toJSON: (key: string) => unknown }).toJSON(key);
    // JSON.stringify calls toJSON once and does not look at its result's own toJSON: neither do we.
    if (json === null || typeof json !== 'object' || json instanceof Date) return value;
    const converted = membersWithVietnamTimes(json);
    return converted === json ? value : converted;
  }
  return membersWithVietnamTimes(value);
}

function membersWithVietnamTimes(value: object): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const converted = withVietnamTimes(item, String(i));
      if (converted !== item) copy ??= value.slice();
      if (copy) copy[i] = converted;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const member = record[key];
    const converted = withVietnamTimes(member, key);
    if (converted === member) continue;
    copy ??= { ...record };
    // A member named __proto__ is data here, as in JSON: define it rather than set the prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: converted, enumerable: true, writable: true, configurable: true });
    else copy[key] = converted;
  }
  return copy ?? value;
}

/** JSON text with times in the engine's zone, +07:00. */
export function vietnamJson(value: unknown): string {
  return JSON.stringify(withVietnamTimes(value));
}

/**
 * Every object the app sends (Nest's answers, exception filters, plugins such as the queue
 * dashboard, which inherit the root's serializer) is written with times in the engine's zone,
 * +07:00, by JSON.stringify without a replacer.
 */
export function answerTimesInVietnam(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .setReplySerializer((payload) => vietnamJson(payload));
}
