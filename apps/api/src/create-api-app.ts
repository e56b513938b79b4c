import type { NestApplicationOptions } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, parseTrustProxy, TrustProxy } from '@app/config';
import { requestIdFrom } from '@app/core';
import { configureApp } from './configure-app';

/**
 * Every API instance is made here, the deployed one (main.ts) and the tests' alike, so they cannot
 * drift: on Fastify (Nest's adapter costs a third of Express's per request, docs/benchmarks.md),
 * with Nest's own body parsers off (JSON is read by JsonBodyInterceptor, after the auth guard,
 * within each route's limit; nothing else is parsed), then configureApp.
 */
export async function createApiApp(
  create: (adapter: FastifyAdapter, options: NestApplicationOptions) => NestFastifyApplication | Promise<NestFastifyApplication>,
  options: NestApplicationOptions = {},
): Promise<NestFastifyApplication> {
  const app = await create(new FastifyAdapter(fastifyOptions()), { ...options, bodyParser: false });
  await configureApp(app);
  return app;
}

/** Read once, when the server is made: Fastify takes these at construction only. */
function fastifyOptions() {
  const config = loadConfig();
  return {
    // TRUST_PROXY decides whose address `request.ip` is (the login throttle's key, the audit's
    // address): X-Forwarded-For is ignored unless a proxy is trusted, else anyone could claim any address.
    trustProxy: fastifyTrust(parseTrustProxy(config.TRUST_PROXY)),
    // As Express answered them: `/api/plans/` is `/api/plans`, and a path parameter may be a long code.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    // Node's own limit for a request to arrive whole, which Fastify turns off (0): a client trickling
    // a request byte by byte does not hold its connection for ever.
    requestTimeout: 300_000,
    // The request's id, which pino-http logs it under and X-Request-Id answers (answerWithRequestId).
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(req.headers['x-request-id']),
    // No `logger`: Fastify's own is off; requests are logged by nestjs-pino (pino-http), once, with their id and redactions.
  };
}

/** A hop count as Express read it: the first n addresses, counted from the server, are proxies. */
function fastifyTrust(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
