import { INestApplication } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessService, Actor, AuthService } from '@app/core';
import { DomainError, forbidden } from '@app/domain';

/**
 * The cookie a browser sends to the admin pages served outside Nest's routes (/admin/queues, /docs):
 * a browser cannot add a bearer header when it navigates. Set by POST /api/admin/queues/session
 * and POST /api/admin/docs/session, HttpOnly, SameSite=Strict, one path each.
 */
export const ADMIN_COOKIE = 'tongket_admin_token';

/** Only the headers are read: this works on Fastify's request and on Node's alike. */
type WithHeaders = Pick<FastifyRequest, 'headers'>;

/**
 * Puts the caller's token (already checked to be an administrator's) into the admin cookie of one
 * page. Secure when the request came over HTTPS, as Fastify's `request.protocol` tells it (behind a
 * proxy, only with TRUST_PROXY set): a cookie without it would also be sent over plain HTTP.
 */
export function setAdminCookie(request: FastifyRequest, reply: FastifyReply, path: string): void {
  // Written out rather than by a cookie plugin: one fixed name, a token of URL-safe characters, a fixed path.
  const attributes = [`Max-Age=${ADMIN_COOKIE_SECONDS}`, `Path=${path}`, 'HttpOnly', ...(request.protocol === 'https' ? ['Secure'] : []), 'SameSite=Strict'];
  void reply.header('Set-Cookie', [`${ADMIN_COOKIE}=${encodeURIComponent(bearerToken(request) ?? '')}`, ...attributes].join('; '));
}

/** A working day: the admin pages' cookie outlives no session by much. */
const ADMIN_COOKIE_SECONDS = 8 * 3600;

const admins = new WeakMap<FastifyRequest, Actor>();

/** The administrator a request to an admin page acts as, once `adminsOnly` let it through. */
export function adminOf(request: FastifyRequest): Actor {
  const admin = admins.get(request);
  if (!admin) throw new Error('adminOf is called only behind adminsOnly');
  return admin;
}

/**
 * A request hook for pages served outside Nest's guards: a valid administrator's token, from the
 * Authorization header or from the admin cookie. A refusal is thrown, so the exception filter
 * answers it (401/403) as it does every other error.
 */
export function adminsOnly(app: INestApplication, what: string) {
  const auth = app.get(AuthService);
  const access = app.get(AccessService);
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request) ?? cookieValue(request, ADMIN_COOKIE);
    const actor = token ? await auth.actorOf(token).catch(() => null) : null;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'An administrator token is required');
    if (!(await access.isAdmin(actor.id))) throw forbidden(`Only an administrator may see ${what}`);
    admins.set(request, actor);
  };
}

export function bearerToken(request: WithHeaders): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : undefined;
}

function cookieValue(request: WithHeaders, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
