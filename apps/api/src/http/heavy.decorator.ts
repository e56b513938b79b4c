import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

export const HEAVY = 'isHeavy';

/**
 * Marks a route whose answer costs seconds of work (a Word document, a consolidation, a large plan's
 * progress): each user may have only HEAVY_REQUESTS_PER_USER of them running at once per API
 * process, so one person cannot hold the API's CPU and memory from everyone else.
 */
export const Heavy = () =>
  applyDecorators(
    SetMetadata(HEAVY, true),
    ApiTooManyRequestsResponse({
      description: 'The caller already has HEAVY_REQUESTS_PER_USER heavy requests running; try again after Retry-After seconds',
      headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } },
    }),
  );
