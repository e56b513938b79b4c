import { INestApplication, ValidationPipe } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@app/config';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { inputGuard } from './common/input-guard';
import { HeavyRequestsInterceptor } from './http/heavy-requests.interceptor';
import { JsonBodyInterceptor } from './http/json-body.interceptor';
import { answerTimesInVietnam } from './http/vietnam-times';
import { protectApiDocs } from './operations/api-docs-access';
import { mountQueueDashboard } from './operations/queue-dashboard';
import { serveWebApp, webDistDir } from './web/web-app';
import { apiDocumentOf, setApiPrefix } from './openapi-document';

/**
 * Everything an API instance needs besides its modules; create it through createApiApp, which turns
 * Nest's body parsers off: bodies are read by JsonBodyInterceptor, after the auth guard.
 */
export function configureApp(app: INestApplication): void {
  // Nest registers its parsers at init, ahead of every guard: an app made without createApiApp would
  // parse anonymous megabytes again. appOptions is Nest's own record of the creation options.
  if ((Reflect.get(app, 'appOptions') as { bodyParser?: boolean } | undefined)?.bodyParser !== false) {
    throw new Error('Create the API with createApiApp (bodyParser: false): bodies are parsed after the auth guard');
  }
  app.use(inputGuard);
  app.use(helmet());
  // Times go out with the engine's zone, +07:00, converted before JSON.stringify rather than by a replacer function.
  answerTimesInVietnam(app);
  mountQueueDashboard(app);
  // The web app (dist/web) at `/`, with its own stricter CSP; engine paths pass through to Nest.
  serveWebApp(app, webDistDir(app.get(AppConfig).WEB_DIST_DIR));
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
  app.useGlobalFilters(new DomainExceptionFilter());
  protectApiDocs(app);
  const document = apiDocumentOf(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
