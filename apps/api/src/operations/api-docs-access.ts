import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorAnswer, refusingHook } from '../http/refusing-hook';
import { pathOf } from '../web/web-app';
import { adminsOnly } from './admin-request';

export const API_DOCS_PATH = '/docs';
export const API_DOCS_JSON_PATH = '/docs-json';

/**
 * Swagger UI and the OpenAPI document describe every route, field and error of the engine: for
 * administrators only (the contract leaves only login and /health open). A tool sends the bearer
 * header; a browser gets the admin cookie from POST /api/admin/docs/session first. A request hook,
 * so it runs ahead of Swagger's own routes and its static files.
 */
export function protectApiDocs(app: NestFastifyApplication, errors: ErrorAnswer): void {
  const onlyAdmins = adminsOnly(app, 'the API documentation');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook(
      'onRequest',
      refusingHook(errors, async (request) => {
        const path = pathOf(request.url);
        if (path === API_DOCS_JSON_PATH || path === API_DOCS_PATH || path.startsWith(`${API_DOCS_PATH}/`)) await onlyAdmins(request);
      }),
    );
}
