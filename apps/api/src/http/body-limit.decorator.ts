import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiPayloadTooLargeResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { bytesOf } from './body-size';

export const BODY_LIMIT = 'bodyLimitBytes';

/**
 * What a route without its own limit accepts: a task decision, a delegation, a dry-run request. The
 * routes that need more say so with @BodyLimit, so a large body is only ever read for a route that
 * expects one, and only after the caller passed the auth guard.
 */
export const DEFAULT_BODY_LIMIT = '16kb';

/** The largest JSON body a route reads; beyond it 413, before a byte more is parsed. */
export const BodyLimit = (size: string) =>
  applyDecorators(
    SetMetadata(BODY_LIMIT, bytesOf(size)),
    ApiPayloadTooLargeResponse({ description: `The body is larger than ${size}` }),
    ApiUnsupportedMediaTypeResponse({ description: 'The body is not application/json (UTF-8)' }),
  );
