import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = { operationId?: string; responses?: Record<string, unknown>; requestBody?: unknown; parameters?: unknown[]; security?: unknown[] };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** The one shape every error of the engine has (DomainExceptionFilter): what a client's error type is generated from. */
export const ERROR_VIEW_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: {
      oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      description: 'What was refused and why (a list for several invalid fields); Vietnamese where a person reads it',
    },
    code: { type: 'string', description: 'The domain’s reason code, where one applies (e.g. conflict, refused)' },
  },
  additionalProperties: { description: 'Details of some refusals (e.g. missing, deadlineProblems, unknownUnits)' },
} as const;

const ERROR = { $ref: '#/components/schemas/ErrorView' };
const answer = (description: string) => ({ description, content: { 'application/json': { schema: ERROR } } });

/**
 * The errors every operation can give whatever its controller declares, added to the OpenAPI
 * document where the operation does not describe them itself, so that a generated client knows them
 * all: 400 where the request carries a body or parameters (the validation pipe), 401 unless the
 * operation is public (the authentication guard), 404 where the path names something, 500 with the
 * reference to find in the log. An operation that declares no success answer gets the status its
 * handler answers with (`successOf`, from its @HttpCode; else 201 for POST, 200 otherwise).
 */
export function withEngineErrors(document: OpenAPIObject, successOf: (operationId: string | undefined) => number | undefined = () => undefined): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, ErrorView: ERROR_VIEW_SCHEMA as never };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const responses = (op.responses ??= {});
      const has = (code: string) => code in responses;
      if (!Object.keys(responses).some((code) => code.startsWith('2'))) {
        // The status the handler answers with (its @HttpCode, else Nest's default for the method).
        responses[String(successOf(op.operationId) ?? (method === 'post' ? 201 : 200))] = { description: 'Done, as the summary says' };
      }
      if ((op.requestBody || op.parameters?.length) && !has('400'))
        responses['400'] = answer('A field, parameter or the body is invalid: the message names it');
      if (op.security?.length && !has('401')) responses['401'] = answer('No valid access token (missing, expired, revoked, or the account is locked)');
      if (path.includes('{') && !has('404')) responses['404'] = answer('Nothing with that id or code');
      if (!has('500')) responses['500'] = answer('Unexpected error: the message gives a reference to find in the log');
    }
  }
  return document;
}

/** `Controller_method` (the operation ids Nest's Swagger module gives) → the handler's @HttpCode, if it has one. */
export function httpCodesOf(controllers: readonly (new (...args: never[]) => unknown)[]): (operationId: string | undefined) => number | undefined {
  const codes = new Map<string, number>();
  for (const controller of controllers) {
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      const code = typeof handler === 'function' ? (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) : undefined;
      if (code) codes.set(`${controller.name}_${name}`, code);
    }
  }
  return (operationId) => (operationId ? codes.get(operationId) : undefined);
}
