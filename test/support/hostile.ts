import fc from 'fast-check';
import type { Response, Test } from 'supertest';
import { E2eContext } from './harness';

/** Seed of every property in a file: FC_SEED=… reproduces a run; printed at the start. */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261126);

const WORDS = [
  'Đảng',
  'bộ',
  'chi',
  'ủy',
  'nghị quyết',
  'tổng kết',
  'Điều lệ',
  'ưu điểm',
  'hạn chế',
  'nguyên nhân',
  'bài học',
  'phương hướng',
  'đồng chí',
  'Bí thư',
  'cấp ủy',
  'thẩm định',
  'nhiệm kỳ',
  '2015–2020',
  '“',
  '”',
  '…',
];

/** Control characters, NUL, bidi overrides, zero-width, lone surrogates, SQL-ish and path-ish bits. */
const NASTY = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  "'",
  '"',
  '\\',
  '%',
  '%00',
  '../',
  ';--',
  '${x}',
  '{{x}}',
  '<script>',
  'ệ',
  '🇻🇳',
];

export const nastyString = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 })), { maxLength: 20 }).map((a) => a.join(''));
export const vietnameseText = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3000 }).map((a) => a.join(' '));
export const hugeNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 2 ** 64, 1.5, -1, -0, 0.1, 5e-324),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.object({ maxDepth: 2 }),
  nastyString,
  vietnameseText,
  hugeNumber,
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.constantFrom(null, true, false, '', [], {}),
);

/** A key that is none of `known` (nor a prototype key, which says nothing about whitelisting). */
export const unknownKey = (known: string[]) =>
  fc
    .oneof(fc.string({ minLength: 1, maxLength: 20 }), nastyString, fc.constantFrom('isAdmin', 'role', 'id', 'version', 'stage', 'createdBy'))
    .filter((k) => k.length > 0 && !known.includes(k) && !['__proto__', 'constructor', 'prototype'].includes(k));

/**
 * Bodies that should never be accepted as such: any value; an object with random and known keys
 * mapped to hostile values; the valid body with one field replaced by a hostile value or an array
 * where an object is expected.
 */
export function hostileBody(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const replaced = keys.length ? fc.tuple(fc.constantFrom(...keys), hostileValue).map(([k, v]) => ({ ...valid, [k]: v })) : hostileValue;
  return fc.oneof(
    hostileValue,
    fc.dictionary(fc.oneof(fc.constantFrom(...(keys.length ? keys : ['x'])), fc.string({ maxLength: 10 })), hostileValue, { maxKeys: 6 }),
    replaced,
    fc.constant([valid]),
  );
}

/** Raw request texts that are not JSON objects: broken JSON, bare scalars, giant number literals. */
export const rawJson = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    'null',
    '"x"',
    '42',
    'true',
    '{"a":1}}',
    '\u0000',
    `{"n": ${'9'.repeat(400)}}`,
    '{"n": 1e999999}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  ),
);

export interface StateSnapshot {
  [name: string]: string | number | null;
}

const NOT_A_FAILED_LOGIN = `action <> 'auth.login_failed'`;

/**
 * Row counts of every table of the file's schema, the last audit id (audit events are append-only:
 * any state change appends one) and the version sums of reports and tasks. A refused login is the
 * one 4xx that leaves a trace on purpose (auth.login_failed, the audit of failed sign-ins): those
 * events are left out of the audit count and id. The audit chain's own tables (audit_seals,
 * audit_unsealed) follow the trail in the background, so they are left out too.
 */
export async function snapshotState(ctx: E2eContext): Promise<StateSnapshot> {
  const tables = (
    await ctx.db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows
    .map((r) => r.t)
    .filter((t) => !/^(migrations|typeorm_metadata|audit_seals|audit_unsealed)$/.test(t));
  const counts = tables.map((t) => `(SELECT count(*) FROM "${t}"${t === 'audit_events' ? ` WHERE ${NOT_A_FAILED_LOGIN}` : ''})::text AS "${t}"`).join(', ');
  const [row] = (
    await ctx.db.query<StateSnapshot>(
      `SELECT ${counts}, (SELECT max(id) FROM audit_events WHERE ${NOT_A_FAILED_LOGIN})::text AS "max audit id",
              (SELECT coalesce(sum(version), 0) FROM reports)::text AS "reports.version",
              (SELECT coalesce(sum(version), 0) FROM tasks)::text AS "tasks.version",
              (SELECT string_agg(stage, ',' ORDER BY id) FROM reports) AS "report stages"`,
    )
  ).rows;
  return row;
}

export interface Sent {
  what: string;
  res: Response;
}

/** Sends one request; fails with the exact request and answer if it is a 5xx or a 4xx that changed state. */
export async function sendAndCheck(ctx: E2eContext, what: string, send: () => Test | Promise<Response>, body?: unknown): Promise<Response> {
  const before = await snapshotState(ctx);
  const res = await send();
  const show = () => `${what}\n  body: ${describeBody(body)}\n  answer: ${res.status} ${JSON.stringify(res.body)?.slice(0, 400)}`;
  if (res.status < 400) await settle(ctx); // a success may queue work: let it land before the next snapshot
  if (res.status >= 500) throw new Error(`5xx for hostile input: ${show()}`);
  if (res.status >= 400) {
    const after = await snapshotState(ctx);
    const changed = Object.keys(after)
      .filter((k) => after[k] !== before[k])
      .map((k) => `${k}: ${before[k]} → ${after[k]}`);
    if (changed.length) throw new Error(`a ${res.status} changed state (${changed.join('; ')}): ${show()}`);
  }
  return res;
}

export function describeBody(body: unknown): string {
  if (body === undefined) return '(none)';
  try {
    const text = typeof body === 'string' ? `raw ${JSON.stringify(body)}` : JSON.stringify(body);
    return (text ?? String(body)).length > 300 ? `${(text ?? '').slice(0, 300)}… (${(text ?? '').length} chars)` : (text ?? String(body));
  } catch {
    return String(body);
  }
}

/** Waits until the schema's state stops moving (unchanged for `quietMs`; at most `timeoutMs`). */
export async function settle(ctx: E2eContext, { quietMs = 1_500, timeoutMs = 30_000 } = {}): Promise<void> {
  // Quiet for a while, not for one glance: on a loaded machine a reminder job can start a second late.
  let last = JSON.stringify(await snapshotState(ctx));
  let quietSince = Date.now();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    const now = JSON.stringify(await snapshotState(ctx));
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
  }
}

/** Percent-encodes anything, lone surrogates included (as the invalid UTF-8 bytes ED A0 80). */
export function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split(/([\ud800-\udfff])/)
      .map((part) => (/^[\ud800-\udfff]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  }
}
