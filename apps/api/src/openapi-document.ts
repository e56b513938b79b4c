import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { httpCodesOf, withEngineErrors } from './common/openapi-errors';

/** Engine paths live under /api; the operations endpoints and the docs stay at the root. */
export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: ['health', 'metrics', 'docs', 'docs-json'] });
}

/**
 * The OpenAPI document of the HTTP contract, from the controllers' decorators: what /docs-json
 * serves and what `npm run contract` writes to docs/openapi.json. It reads metadata only, so an app
 * made in preview mode (nothing instantiated, nothing connected) gives the same document.
 */
export function apiDocumentOf(app: INestApplication): OpenAPIObject {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()].map((wrapper) => wrapper.metatype));
  return withEngineErrors(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Tổng kết')
        .setDescription('Workflow and approval engine for the term-end summary')
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
    httpCodesOf(controllers as never),
  );
}
