import { INestApplication } from '@nestjs/common';
import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { AccessService, Actor, AuthService } from '@app/core';

/**
 * The cookie a browser sends to the admin pages served outside Nest's routes (/admin/queues, /docs):
 * a browser cannot add a bearer header when it navigates. Set by POST /api/admin/queues/session
 * and POST /api/admin/docs/session, HttpOnly, SameSite=Strict, one path each.
 */
export const ADMIN_COOKIE = 'tongket_admin_token';

/**
 * Puts the caller's token (already checked to be an administrator's) into the admin cookie of one
 * page. Secure when the request came over HTTPS, as `req.secure` tells it (behind a proxy, only
 * with TRUST_PROXY set): a cookie without it would also be sent over plain HTTP.
 */
export function setAdminCookie(req: Request, res: Response, path: string): void {
  const options: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: req.secure, path, maxAge: 8 * 3600_000 };
  res.cookie(ADMIN_COOKIE, bearerToken(req) ?? '', options);
}

/** The administrator a request to an admin page acts as, once `adminsOnly` let it through. */
export function adminOf(res: Response): Actor {
  return res.locals.admin as Actor;
}

/**
 * Express middleware for pages mounted outside Nest's guards: a valid administrator's token, from
 * the Authorization header or from the admin cookie, or 401/403 in Nest's error shape.
 */
export function adminsOnly(app: INestApplication, what: string) {
  const auth = app.get(AuthService);
  const access = app.get(AccessService);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req) ?? cookieValue(req, ADMIN_COOKIE);
    const actor = token ? await auth.actorOf(token).catch(() => null) : null;
    if (!actor) return void res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'An administrator token is required' });
    if (!(await access.isAdmin(actor.id)))
      return void res.status(403).json({ statusCode: 403, error: 'Forbidden', message: `Only an administrator may see ${what}` });
    res.locals.admin = actor;
    next();
  };
}

export function bearerToken(req: Request): string | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : undefined;
}

function cookieValue(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
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
