import { ValidationPipe } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import fastifyEtag from '@fastify/etag';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@app/config';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { guardInput } from './common/input-guard';
import { HeavyRequestsInterceptor } from './http/heavy-requests.interceptor';
import { JsonBodyInterceptor } from './http/json-body.interceptor';
import { answerWithRequestId } from './http/request-id';
import { answerTimesInVietnam } from './http/vietnam-times';
import { protectApiDocs } from './operations/api-docs-access';
import { mountQueueDashboard } from './operations/queue-dashboard';
import { securityHeaders, serveWebApp, webDistDir } from './web/web-app';
import { apiDocumentOf, setApiPrefix } from './openapi-document';

/**
 * Everything an API instance needs besides its modules; create it through createApiApp, which turns
 * Nest's body parsers off: bodies are read by JsonBodyInterceptor, after the auth guard.
 */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  // Nest registers its parsers at init, ahead of every guard: an app made without createApiApp would
  // parse anonymous megabytes again. appOptions is Nest's own record of the creation options.
  if ((Reflect.get(app, 'appOptions') as { bodyParser?: boolean } | undefined)?.bodyParser !== false) {
    throw new Error('Create the API with createApiApp (bodyParser: false): bodies are parsed after the auth guard');
  }
  const errors = new DomainExceptionFilter();
  readBodiesAfterTheGuards(app);
  answerWithRequestId(app);
  guardInput(app, errors);
  securityHeaders(app);
  // Times go out with the engine's zone, +07:00, converted before JSON.stringify rather than by a replacer function.
  answerTimesInVietnam(app);
  // A weak ETag on every answer sent whole, as Express gave: a browser revalidating a list it holds
  // (If-None-Match) gets a 304 and not the list again, which on a phone's connection is what counts.
  await app.register(fastifyEtag, { weak: true });
  await mountQueueDashboard(app, errors);
  // The web app (dist/web) at `/`, with its own stricter CSP; engine paths pass through to Nest.
  await serveWebApp(app, webDistDir(app.get(AppConfig).WEB_DIST_DIR));
  setApiPrefix(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      // Errors carry messages only: never the refused value or the object it came in.
      validationError: { target: false, value: false },
    }),
  );
  app.useGlobalInterceptors(new HeavyRequestsInterceptor(app.get(Reflector), app.get(AppConfig)), new JsonBodyInterceptor(app.get(Reflector)));
  app.useGlobalFilters(errors);
  protectApiDocs(app, errors);
  const document = apiDocumentOf(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/**
 * Fastify parses a body before the route's handler, so before Nest's guards. Its parsers are
 * replaced by one that reads nothing and leaves the stream to JsonBodyInterceptor, which reads it
 * only once the caller is known, within the route's limit, and refuses what it does not accept
 * (415, 413, 400). Every media type reaches it, so the refusals are the engine's, not Fastify's.
 */
function readBodiesAfterTheGuards(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
}
