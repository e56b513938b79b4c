import type { OpenAPIObject } from '@nestjs/swagger';
import { withEngineErrors } from './openapi-errors';

const doc = (paths: OpenAPIObject['paths']): OpenAPIObject => ({ openapi: '3.0.0', info: { title: 't', version: '1' }, paths });

describe('the errors every operation can give, in the OpenAPI document', () => {
  it('adds 400, 401, 404 and 500 with the error shape where the operation does not say them, keeping its own', () => {
    const out = withEngineErrors(
      doc({
        '/api/reports/{id}': {
          put: {
            security: [{ bearer: [] }],
            parameters: [{ name: 'id', in: 'path', required: true }],
            requestBody: { content: {} },
            responses: { '200': { description: 'saved' }, '404': { description: 'No such report' } },
          },
        },
      }),
    );
    const responses = out.paths['/api/reports/{id}'].put!.responses as Record<string, { description: string; content?: unknown }>;
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '404', '500']);
    expect(responses['404'].description).toBe('No such report');
    expect(responses['401'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorView' } } });
    expect(out.components?.schemas?.ErrorView).toMatchObject({ required: ['statusCode', 'error', 'message'] });
  });

  it('gives no 401 to a public operation, no 400 to one without input, no 404 without a path parameter; a missing success answer by method', () => {
    const out = withEngineErrors(doc({ '/health': { get: { responses: {} } }, '/api/auth/logout': { post: { security: [{ bearer: [] }], responses: {} } } }));
    expect(Object.keys(out.paths['/health'].get!.responses).sort()).toEqual(['200', '500']);
    expect(Object.keys(out.paths['/api/auth/logout'].post!.responses).sort()).toEqual(['201', '401', '500']);
  });
});
