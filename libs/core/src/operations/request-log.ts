import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactUrl } from './redact-url';

/**
 * A request's id: the caller's X-Request-Id (a proxy's or a client's) when it is a plain token of
 * at most 100 characters, else a new UUID. Every log line of the request and its answer carry it.
 */
export function requestIdFrom(given: string | string[] | undefined): string {
  return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
}

/** Request headers whose values are secrets: written as `[redacted]`. */
const SECRET_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

export interface LoggedRequest {
  id: unknown;
  method: string | undefined;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  remoteAddress: string | undefined;
  remotePort: number | undefined;
}

/**
 * What a request line says of the request: its id, method, URL (secret query parameters redacted),
 * headers (secrets redacted) and peer. Built from the raw request as a small plain object, so pino
 * serialises it without pino-std-serializers' wrapper or redaction paths of its own.
 */
export function requestForLog(req: IncomingMessage & { id?: unknown; originalUrl?: string }): LoggedRequest {
  const headers: Record<string, string | string[] | undefined> = {};
  const given = req.headers ?? {};
  for (const name of Object.keys(given)) headers[name] = SECRET_HEADERS.has(name) ? '[redacted]' : given[name];
  return {
    id: req.id,
    method: req.method,
    url: redactUrl(req.originalUrl ?? req.url ?? ''),
    headers,
    remoteAddress: req.socket?.remoteAddress,
    remotePort: req.socket?.remotePort,
  };
}

/** What a request line says of the answer: its status (the response time is a field of the line itself). */
export function responseForLog(res: ServerResponse): { statusCode: number } {
  return { statusCode: res.statusCode };
}
