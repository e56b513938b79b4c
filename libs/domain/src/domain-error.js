"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.invalid = exports.refused = exports.conflict = exports.forbidden = exports.notFound = exports.DomainError = exports.DOMAIN_ERROR_STATUS = void 0;
/**
 * Errors the rules raise, each with a code; one exception filter maps codes to HTTP statuses so
 * no service or processor knows about HTTP.
 */
exports.DOMAIN_ERROR_STATUS = {
    NOT_FOUND: 404,
    FORBIDDEN: 403,
    UNAUTHENTICATED: 401,
    INVALID: 400,
    CONFLICT: 409,
    RULE_REFUSED: 422,
};
class DomainError extends Error {
    code;
    details;
    constructor(code, message, 
    /** Extra fields merged into the error body, e.g. `missing` on an incomplete submit. */
    details = {}) {
        super(message);
        this.code = code;
        this.details = details;
        this.name = 'DomainError';
    }
}
exports.DomainError = DomainError;
const notFound = (what, id) => new DomainError('NOT_FOUND', `${what} ${id} not found`);
exports.notFound = notFound;
const forbidden = (message) => new DomainError('FORBIDDEN', message);
exports.forbidden = forbidden;
const conflict = (message, details) => new DomainError('CONFLICT', message, details);
exports.conflict = conflict;
const refused = (message, details) => new DomainError('RULE_REFUSED', message, details);
exports.refused = refused;
const invalid = (message) => new DomainError('INVALID', message);
exports.invalid = invalid;
//# sourceMappingURL=domain-error.js.map