import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Every answer names its request's id (X-Request-Id), the one its log lines carry, so a person
 * reporting a problem, or a proxy's log, leads to the engine's lines. The id itself is Fastify's
 * (genReqId: requestIdFrom); written on Node's response, so errors and 404s carry it too.
 */
export function answerWithRequestId(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      reply.raw.setHeader('X-Request-Id', request.id);
      done();
    });
}
