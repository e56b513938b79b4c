import type { FastifyReply } from 'fastify';
import { TooManyAttempts } from '@app/core';

/**
 * Runs a step that may be refused for too many failed logins, and then tells the client when to try
 * again (the Retry-After header, in seconds) before the error goes on to the exception filter.
 */
export async function withRetryAfter<T>(reply: FastifyReply, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof TooManyAttempts) void reply.header('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}
