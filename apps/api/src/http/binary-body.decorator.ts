import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiPayloadTooLargeResponse, ApiUnsupportedMediaTypeResponse } from '@nestjs/swagger';
import { BODY_LIMIT } from './body-limit.decorator';
import { bytesOf } from './body-size';

export const BINARY_BODY = 'binaryBodyMediaType';

/**
 * The one way a route takes a body other than JSON: a file of exactly `mediaType`, at most `size`,
 * read by the same interceptor after the auth guard (so an anonymous or unauthorised upload is
 * refused unread), kept as bytes for @UploadedBytes() and never parsed as JSON. Any other type 415.
 */
export const BinaryBody = (mediaType: string, size: string, description: string) =>
  applyDecorators(
    SetMetadata(BINARY_BODY, mediaType),
    SetMetadata(BODY_LIMIT, bytesOf(size)),
    ApiConsumes(mediaType),
    ApiBody({ description, schema: { type: 'string', format: 'binary' } }),
    ApiPayloadTooLargeResponse({ description: `The file is larger than ${size}` }),
    ApiUnsupportedMediaTypeResponse({ description: `The body is not ${mediaType}` }),
  );
