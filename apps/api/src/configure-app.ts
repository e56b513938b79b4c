import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { toVietnamIso } from '@app/domain';
import { DomainExceptionFilter } from './common/domain-exception.filter';
import { inputGuard } from './common/input-guard';
import { mountQueueDashboard } from './operations/queue-dashboard';
import { serveWebApp } from './web/web-app';

/** Everything an API instance needs besides its modules; tests call it too, so they test the real thing. */
export function configureApp(app: INestApplication): void {
  // Ten sections of five parts in Vietnamese run to several hundred kilobytes; beyond 1 MB is a 413.
  (app as NestExpressApplication).useBodyParser('json', { limit: '1mb' });
  app.use(inputGuard);
  app.use(helmet());
  // Times go out with the engine's zone, +07:00; the replacer sees the Date before its toJSON.
  (app as NestExpressApplication).set('json replacer', function (this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return raw instanceof Date && !Number.isNaN(raw.getTime()) ? toVietnamIso(raw) : value;
  });
  mountQueueDashboard(app);
  // The web app (dist/web) at `/`, with its own stricter CSP; engine paths pass through to Nest.
  serveWebApp(app);
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics', 'docs', 'docs-json'] });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new DomainExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Tổng kết').setDescription('Workflow and approval engine for the term-end summary').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
