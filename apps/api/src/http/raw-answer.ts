import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';

/**
 * Takes an answer over from Fastify to write it as it is built (a workbook, a JSON document in
 * parts), never held whole: 200, its media type and headers, and Node's response to write to,
 * with backpressure. Headers already on the raw response (security headers, the request id) stay.
 * Call it once everything that may still be refused with a status has been checked.
 */
export function streamedAnswer(reply: FastifyReply, contentType: string, headers: Record<string, string> = {}): ServerResponse {
  reply.hijack();
  const res = reply.raw;
  res.statusCode = 200;
  res.setHeader('Content-Type', contentType);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  return res;
}

export const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';
