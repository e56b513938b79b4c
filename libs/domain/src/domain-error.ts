/**
 * Errors the rules raise, each with a code; one exception filter maps codes to HTTP statuses so
 * no service or processor knows about HTTP.
 */
export const DOMAIN_ERROR_STATUS = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID: 400,
  CONFLICT: 409,
  RULE_REFUSED: 422,
  TOO_MANY_ATTEMPTS: 429,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra fields merged into the error body, e.g. `missing` on an incomplete submit. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError('NOT_FOUND', `${what} ${id} not found`);
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError('CONFLICT', message, details);
export const refused = (message: string, details?: Record<string, unknown>) => new DomainError('RULE_REFUSED', message, details);
export const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('INVALID', message, details);
