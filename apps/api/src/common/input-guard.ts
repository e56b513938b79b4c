import { BadRequestException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorAnswer, refusingHook } from '../http/refusing-hook';

const MAX_DEPTH = 32;

/**
 * Refuses, with a 400, input no endpoint accepts and that would otherwise fail deep inside: JSON
 * nested deeper than any DTO (class-transformer recurses and would overflow the stack) and NUL
 * characters, which PostgreSQL's text and jsonb types refuse. As a request hook it sees the path
 * (bodies are read later, after the auth guard); the JSON body reader applies bodyProblem to each body.
 */
export function guardInput(app: NestFastifyApplication, errors: ErrorAnswer): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook(
      'onRequest',
      refusingHook(errors, (request) => {
        const problem = pathProblem(request.url);
        if (problem) throw new BadRequestException(problem);
      }),
    );
}

/** A problem with the path of the URL (the query is checked by the DTOs). */
export function pathProblem(url: string): string | null {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'The path is not valid percent-encoding';
  }
  return decoded.includes('\u0000') ? 'The path contains a NUL character' : null;
}

/** Walks the body without recursion, so the check itself cannot overflow. */
export function bodyProblem(body: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value: body, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return 'The body contains a NUL character';
    } else if (value && typeof value === 'object') {
      if (depth >= MAX_DEPTH) return `The body is nested deeper than ${MAX_DEPTH} levels`;
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return 'The body contains a NUL character';
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return null;
}
