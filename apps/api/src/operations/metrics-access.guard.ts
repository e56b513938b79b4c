import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppConfig } from '@app/config';
import { AccessService, AuthService } from '@app/core';
import { DomainError, forbidden } from '@app/domain';
import { bearerToken } from './admin-request';
import { constantTimeEqual } from './constant-time-equal';

/**
 * /metrics for Prometheus and for administrators: the bearer METRICS_TOKEN (compared in constant
 * time), or an administrator's access token. Queue depths, task counts and memory say how busy
 * and how far along the Party's work is: not for anyone on the network.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const token = bearerToken(context.switchToHttp().getRequest<FastifyRequest>());
    if (!token) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required: METRICS_TOKEN or an administrator’s');
    if (this.config.METRICS_TOKEN && constantTimeEqual(token, this.config.METRICS_TOKEN)) return true;
    const actor = await this.auth.actorOf(token);
    if (!(await this.access.isAdmin(actor.id))) throw forbidden('Only Prometheus (METRICS_TOKEN) or an administrator may read the metrics');
    return true;
  }
}
