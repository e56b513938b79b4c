import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { NextFunction, Request, Response } from 'express';
import { Queue } from 'bullmq';
import { AccessService, AuthService } from '@app/core';
import { QueueName } from '@app/jobs';

export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'tongket_admin_token';

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for administrators only. A browser cannot
 * send a bearer header when it navigates, so an admin first calls
 * POST /api/admin/queues/session with the token, which sets an HttpOnly, SameSite=Strict cookie
 * scoped to this path; API calls keep using the header.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  app.use(DASHBOARD_PATH, adminsOnly(app), serverAdapter.getRouter());
}

function adminsOnly(app: INestApplication) {
  const auth = app.get(AuthService);
  const access = app.get(AccessService);
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearer(req) ?? cookie(req, DASHBOARD_COOKIE);
    const actor = token ? await auth.actorOf(token).catch(() => null) : null;
    if (!actor) return void res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'An administrator token is required' });
    if (!(await access.isAdmin(actor.id))) return void res.status(403).json({ statusCode: 403, error: 'Forbidden', message: 'Only an administrator may see the queues' });
    next();
  };
}

function bearer(req: Request): string | undefined {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : undefined;
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
