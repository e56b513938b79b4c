import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';

/** What answers an error: the API's exception filter (DomainExceptionFilter.answer). */
export interface ErrorAnswer {
  answer(error: unknown, request: FastifyRequest, reply: FastifyReply): void;
}

/**
 * A request hook whose check may refuse the request: the refusal is answered at once by the API's
 * exception filter, in the engine's error shape, and the request goes no further (a callback hook
 * that does not call `done`). Not thrown to Fastify: a route's error handler is the one in force when
 * the route was added, and routes added outside Nest (Swagger, the dashboard) have Fastify's own.
 */
export function refusingHook(errors: ErrorAnswer, check: (request: FastifyRequest) => void | Promise<void>): onRequestHookHandler {
  return (request, reply, done) => {
    Promise.resolve()
      .then(() => check(request))
      .then(
        () => done(),
        (error: unknown) => errors.answer(error, request, reply),
      );
  };
}
