import { INestApplication } from '@nestjs/common';
import { adminsOnly } from './admin-request';

export const API_DOCS_PATH = '/docs';
export const API_DOCS_JSON_PATH = '/docs-json';

/**
 * Swagger UI and the OpenAPI document describe every route, field and error of the engine: for
 * administrators only (the contract leaves only login and /health open). A tool sends the bearer
 * header; a browser gets the admin cookie from POST /api/admin/docs/session first. Mounted before
 * Swagger's own routes so it runs ahead of them.
 */
export function protectApiDocs(app: INestApplication): void {
  app.use([API_DOCS_PATH, API_DOCS_JSON_PATH], adminsOnly(app, 'the API documentation'));
}
