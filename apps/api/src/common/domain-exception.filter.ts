import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DOMAIN_ERROR_STATUS, DomainError } from '@app/domain';
import { releaseUnreadBody } from '../http/request-body';
import { secretValuesIn, withoutSecrets } from '../http/secret-fields';

/**
 * The one place errors become HTTP: domain codes map to statuses in Nest's error shape; Fastify's
 * own refusals keep their 4xx; anything else is a 500 logged with an id and shown without internals. No
 * error body repeats the value of a secret field of the request (password, token…), and a request
 * refused before its body was read does not leave its client sending into a stalled connection.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.answer(error, http.getRequest<FastifyRequest | undefined>(), http.getResponse<FastifyReply>());
  }

  /**
   * Also answers what is refused outside Nest's handlers (the request hooks of the input guard, the
   * docs and the queue dashboard: refusingHook; the dashboard's body parser), so those errors have
   * the same shape and statuses. An answer already under way (a streamed workbook or document that
   * failed part way) cannot change its status: it is cut short, which its client sees as incomplete.
   */
  answer(error: unknown, request: FastifyRequest | undefined, reply: FastifyReply): void {
    if (reply.raw.headersSent) {
      this.logger.error(`An answer failed after it had begun: ${(error as Error)?.stack ?? error}`);
      reply.raw.destroy();
      return;
    }
    const { status, body } = this.toHttp(error);
    if (request) releaseUnreadBody(request.raw, reply.raw);
    void reply.code(status).send(withoutSecrets(body, secretValuesIn(request?.body)));
  }

  private toHttp(error: unknown): { status: number; body: Record<string, unknown> } {
    if (error instanceof DomainError) {
      const status = DOMAIN_ERROR_STATUS[error.code];
      return { status, body: { statusCode: status, error: reason(status), message: error.message, ...error.details } };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const given = error.getResponse();
      const body = typeof given === 'string' ? { statusCode: status, error: reason(status), message: given } : (given as Record<string, unknown>);
      return { status, body: { statusCode: status, error: reason(status), ...body } };
    }
    if (databaseUnavailable(error)) {
      return { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'The database is not available; try again shortly' } };
    }
    const refused = constraintRefusal(error);
    if (refused) return { status: refused.status, body: { statusCode: refused.status, error: reason(refused.status), message: refused.message } };
    const refusal = frameworkRefusal(error);
    if (refusal) return { status: refusal.statusCode, body: refusal };
    const id = randomUUID();
    this.logger.error(`Unhandled error ${id}: ${(error as Error)?.stack ?? error}`);
    return { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: `Unexpected error; reference ${id}` } };
  }
}

/**
 * Fastify's own refusals (a malformed URL, a body refused by a plugin's parser: FST_ERR_…) keep
 * their 4xx, in the engine's error shape. Not their own message: a JSON syntax error quotes the text
 * around the fault, which for a mislabelled login form is the password.
 */
export function frameworkRefusal(error: unknown): { statusCode: number; error: string; message: string } | null {
  const candidate = error as { statusCode?: number; code?: string };
  const status = candidate?.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500 || typeof candidate.code !== 'string' || !candidate.code.startsWith('FST_')) return null;
  const message = candidate.code === 'FST_ERR_BAD_URL' ? 'The path is not valid percent-encoding' : `The request was refused (${candidate.code})`;
  return { statusCode: status, error: reason(status), message };
}

/**
 * The database refusing a value or a duplicate is the caller's doing, never a 500: the services check
 * first, and these codes cover what a race (two requests creating the same plan code at once) or an
 * unforeseen value slips past those checks. The message names the constraint, not the data.
 */
const REFUSAL_BY_CODE: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: 'Already exists' },
  '22003': { status: 400, message: 'A number is out of range' },
  '22P02': { status: 400, message: 'A value has the wrong form' },
  '22007': { status: 400, message: 'A date or time has the wrong form' },
  '22008': { status: 400, message: 'A date or time is out of range' },
  '22001': { status: 400, message: 'A text is too long' },
};

export function constraintRefusal(error: unknown): { status: number; message: string } | null {
  const candidate = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  const refusal = typeof code === 'string' ? REFUSAL_BY_CODE[code] : undefined;
  if (!refusal) return null;
  const constraint = candidate?.driverError?.constraint ?? candidate?.constraint;
  return { status: refusal.status, message: constraint ? `${refusal.message} (${constraint})` : refusal.message };
}

const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

/** PostgreSQL restarting or unreachable: the request may succeed again shortly, so 503, not 500. */
export function databaseUnavailable(error: unknown): boolean {
  const candidate = error as { code?: string; message?: string; name?: string; driverError?: { code?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  // A transaction whose connection died under it: TypeORM refuses the rest of its queries.
  if (candidate?.name === 'QueryRunnerAlreadyReleasedError' || candidate?.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  return /Connection terminated|database system is (shutting down|starting up)|timeout exceeded when trying to connect/i.test(candidate?.message ?? '');
}

function reason(status: number): string {
  const name = HttpStatus[status];
  if (!name) return 'Error';
  return name
    .toLowerCase()
    .split('_')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
}
