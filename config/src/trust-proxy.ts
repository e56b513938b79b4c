import { isIP } from 'node:net';
import { registerDecorator, ValidationArguments } from 'class-validator';

/** Which proxies to believe (Fastify's trustProxy, Express's `trust proxy`): off, every hop, a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

/** Names proxy-addr (Fastify's and Express's) knows for whole address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 32;

/**
 * Reads TRUST_PROXY: `false` (the default: X-Forwarded-For is ignored and the address is the
 * connection's), `true` (trust every hop: only when the proxy itself is the only way in), a hop count
 * (`1` behind one reverse proxy), or comma-separated addresses and subnets of the proxies
 * (`10.0.0.0/8, 127.0.0.1`, or the names loopback, linklocal, uniquelocal). Throws on anything else.
 */
export function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim();
  const lower = value.toLowerCase();
  if (lower === 'false') return false;
  if (lower === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) throw new Error(`a hop count must be at most ${MAX_HOPS}`);
    return hops === 0 ? false : hops;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length) throw new Error(`must be true, false, a hop count or comma-separated addresses/subnets; not ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export function trustProxyProblem(raw: unknown): string | null {
  if (typeof raw !== 'string') return 'must be a string';
  try {
    parseTrustProxy(raw);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export function IsTrustProxy() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => trustProxyProblem(value) === null,
        defaultMessage: (args: ValidationArguments) => `${args.property} ${trustProxyProblem(args.value)}`,
      },
    });
}
