import fastify from 'fastify';
import { toVietnamIso } from '@app/domain';
import { answerTimesInVietnam, vietnamJson, withVietnamTimes } from './vietnam-times';

/** What the API used as Express's `json replacer` before: the reference the conversion must match. */
function replacer(this: Record<string, unknown>, key: string, value: unknown) {
  const raw = this[key];
  return raw instanceof Date && !Number.isNaN(raw.getTime()) ? toVietnamIso(raw) : value;
}

class Row {
  constructor(
    readonly id: string,
    readonly at: Date,
  ) {}
  get hidden() {
    return 'not serialised';
  }
}

class Wrapped {
  constructor(private readonly at: Date) {}
  toJSON(key: string) {
    return { key, at: this.at, nested: [this.at] };
  }
}

const at = new Date(Date.UTC(2025, 11, 31, 17, 30, 15, 120));

const SAMPLES: Record<string, unknown> = {
  'a Date at the root': at,
  'an invalid Date': { at: new Date(NaN), list: [new Date(NaN)] },
  'nested objects and arrays': { a: [{ b: at, c: [at, null, 1, 'x'] }], d: { e: { f: at } }, g: [] },
  'class instances': [new Row('1', at), new Row('2', at)],
  'toJSON results': { w: new Wrapped(at), list: [new Wrapped(at)] },
  'undefined, functions and holes in arrays': { u: undefined, f: () => 1, list: [undefined, () => 1, new Array<Date>(2), at] },
  'a member named __proto__': JSON.parse('{"__proto__": 1, "x": 2}') as unknown,
  'a Map and a Buffer': { m: new Map([['k', at]]), b: Buffer.from('hi') },
  'strings that need escaping': { 'k"\n': 'Đảng bộ "\u2028', at },
};

describe('withVietnamTimes', () => {
  it.each(Object.entries(SAMPLES))('writes %s exactly as the replacer did', (_name, value) => {
    expect(vietnamJson(value)).toBe(JSON.stringify(value, replacer));
  });

  it('keeps a __proto__ member holding a Date as data', () => {
    const value = Object.defineProperty({ x: 1 }, '__proto__', { value: at, enumerable: true, writable: true, configurable: true });
    expect(vietnamJson(value)).toBe(JSON.stringify(value, replacer));
    expect(Object.getPrototypeOf(withVietnamTimes(value))).toBe(Object.prototype);
  });

  it('answers the very value when it holds no Date, and never changes what it was given', () => {
    const plain = { a: [{ b: 1 }], c: 'x' };
    expect(withVietnamTimes(plain)).toBe(plain);
    const row = new Row('1', at);
    const given = { rows: [row], untouched: { n: 1 } };
    const converted = withVietnamTimes(given) as { rows: Record<string, unknown>[]; untouched: object };
    expect(converted.rows[0].at).toBe('2026-01-01T00:30:15.120+07:00');
    expect(converted.untouched).toBe(given.untouched);
    expect(row.at).toBe(at);
    expect(given.rows[0]).toBe(row);
  });
});

describe('answerTimesInVietnam', () => {
  it('makes every object the app and its plugins send write +07:00', async () => {
    const app = fastify();
    // The Fastify instance as Nest holds it: the function only needs getHttpAdapter().getInstance().
    answerTimesInVietnam({ getHttpAdapter: () => ({ getInstance: () => app }) } as never);
    app.get('/', async () => ({ at, list: [at] }));
    await app.register(async (plugin) => void plugin.get('/', async () => ({ at })), { prefix: '/sub' });
    const main = await app.inject({ url: '/' });
    expect(main.headers['content-type']).toMatch(/^application\/json/);
    expect(main.body).toBe('{"at":"2026-01-01T00:30:15.120+07:00","list":["2026-01-01T00:30:15.120+07:00"]}');
    expect((await app.inject({ url: '/sub' })).body).toBe('{"at":"2026-01-01T00:30:15.120+07:00"}');
    await app.close();
  });
});
