import { INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { CONFIGURATION_ACTIONS } from '@app/core';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { adminOf } from './admin-request';
import { dashboardOperation } from './dashboard-operation';

/** Listed among the configuration actions, so GET /api/audit/configuration shows it. */
export const DASHBOARD_AUDIT_ACTION: (typeof CONFIGURATION_ACTIONS)[number] = 'queue.dashboard';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every state-changing call of the queue dashboard (pause, resume, clean, retry, promote,
 * remove, empty, obliterate, add…) in the audit trail before it runs: who, when, which queue, job
 * or scheduler, and what. Recorded first and refused (503) when it cannot be recorded, so no
 * action on the queues goes unaudited. Mounted after `adminsOnly`, which names the administrator.
 */
export function auditDashboardActions(app: INestApplication) {
  const db = app.get(DataSource);
  const logger = new Logger('QueueDashboard');
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (READS.has(req.method)) return next();
    const admin = adminOf(res);
    const what = dashboardOperation(req.method, req.path);
    try {
      await inTransaction(db, (em) =>
        appendAuditEvents(em, [
          {
            actorId: admin.id,
            actor: admin.username,
            action: DASHBOARD_AUDIT_ACTION,
            data: { ...what, method: req.method, path: req.path.slice(0, 500) },
          },
        ]),
      );
    } catch (error) {
      logger.error(`Queue dashboard call ${req.method} ${req.path} refused: its audit event could not be written (${(error as Error).message})`);
      return void res
        .status(503)
        .json({ statusCode: 503, error: 'Service Unavailable', message: 'The action could not be recorded in the audit trail; nothing was done' });
    }
    next();
  };
}
