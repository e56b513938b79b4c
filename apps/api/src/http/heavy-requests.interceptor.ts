import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, finalize, Observable } from 'rxjs';
import { AppConfig } from '@app/config';
import type { Actor } from '@app/core';
import { DomainError } from '@app/domain';
import { HEAVY } from './heavy.decorator';
import { PerKeyLimit } from './per-key-limit';

/** A heavy answer takes about a second or two here; sooner than that a retry would only be refused again. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Counts each user's @Heavy requests in flight in this process; beyond the limit 429 with
 * Retry-After. The slot is held until the handler's work is over, which for a streamed answer is
 * when the last byte is written.
 */
@Injectable()
export class HeavyRequestsInterceptor implements NestInterceptor {
  private readonly limit: PerKeyLimit;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.limit = new PerKeyLimit(config.HEAVY_REQUESTS_PER_USER);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.getAllAndOverride<boolean>(HEAVY, [context.getHandler(), context.getClass()])) return next.handle();
    const http = context.switchToHttp();
    const actor = http.getRequest<FastifyRequest & { actor?: Actor }>().actor;
    if (!actor) return next.handle();
    const release = this.limit.tryAcquire(actor.id);
    if (!release) {
      void http.getResponse<FastifyReply>().header('Retry-After', String(RETRY_AFTER_SECONDS));
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        `You already have ${this.limit.inUse(actor.id)} heavy requests running (documents, consolidations, progress); try again when one has finished`,
      );
    }
    return defer(() => next.handle()).pipe(finalize(release));
  }
}
