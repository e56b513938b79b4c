import type { Response, Test } from 'supertest';
import { E2eContext, FIXTURE_PASSWORD } from './harness';

/** A signed-in user: requests carry their bearer token. */
export interface Session {
  username: string;
  token: string;
  get(path: string): Test;
  post(path: string): Test;
  put(path: string): Test;
  delete(path: string): Test;
}

export async function login(ctx: E2eContext, username: string, password = FIXTURE_PASSWORD): Promise<string> {
  const cached = ctx.tokens.get(username);
  if (cached) return cached;
  const res = await ctx.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200 || typeof res.body?.accessToken !== 'string') {
    throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  ctx.tokens.set(username, res.body.accessToken);
  return res.body.accessToken;
}

/**
 * Forgets a user's cached token. Removing one of their roles, changing their password or deactivating
 * them ends their sessions at once: the next `session()` signs them in again.
 */
export function forgetSession(ctx: E2eContext, username: string): void {
  ctx.tokens.delete(username);
}

export function withToken(ctx: E2eContext, token: string, username = '?'): Session {
  const auth = (t: Test) => t.set('Authorization', `Bearer ${token}`);
  return {
    username,
    token,
    get: (path) => auth(ctx.http.get(path)),
    post: (path) => auth(ctx.http.post(path)),
    put: (path) => auth(ctx.http.put(path)),
    delete: (path) => auth(ctx.http.delete(path)),
  };
}

export async function session(ctx: E2eContext, username: string): Promise<Session> {
  return withToken(ctx, await login(ctx, username), username);
}

/** Fails with the request's answer in the message, so a wrong status explains itself. */
export function expectStatus(res: Response, status: number | number[], what = ''): Response {
  const allowed = Array.isArray(status) ? status : [status];
  if (!allowed.includes(res.status)) {
    const req = (res as unknown as { req?: { method?: string; path?: string } }).req;
    throw new Error(
      `${what ? what + ': ' : ''}${req?.method ?? ''} ${req?.path ?? ''} answered ${res.status}, expected ${allowed.join(' or ')}; body ${JSON.stringify(res.body)?.slice(0, 800)}`,
    );
  }
  return res;
}
