import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AccessService, Actor, AuthService } from '@app/core';
import { DomainError, forbidden } from '@app/domain';

const PUBLIC = 'isPublic';
const ADMIN_ONLY = 'isAdminOnly';
/** Marks a route that needs no token (login, health). */
export const Public = () => SetMetadata(PUBLIC, true);
/**
 * Marks a route (or a controller) only administrators may call. Checked by the guard, before the
 * body is read or validated, so a caller without the role learns nothing and costs nothing.
 */
export const AdminOnly = () => applyDecorators(SetMetadata(ADMIN_ONLY, true), ApiForbiddenResponse({ description: 'The caller is not an administrator' }));

/** Every route needs a valid bearer token unless marked public; the actor goes on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new DomainError('UNAUTHENTICATED', 'A bearer token is required');
    request.actor = await this.auth.actorOf(token);
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !(await this.access.isAdmin(request.actor.id))) {
      throw forbidden('Only an administrator may do this');
    }
    return true;
  }
}
