import { INestApplication, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { CONFIGURATION_ACTIONS } from '@app/core';
import { appendAuditEvents, inTransaction } from '@app/dal';
import { adminOf } from './admin-request';
import { pathOf } from '../web/web-app';
import { dashboardOperation } from './dashboard-operation';

/** Listed among the configuration actions, so GET /api/audit/configuration shows it. */
export const DASHBOARD_AUDIT_ACTION: (typeof CONFIGURATION_ACTIONS)[number] = 'queue.dashboard';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Records every state-changing call of the queue dashboard (pause, resume, clean, retry, promote,
 * remove, empty, obliterate, add…) in the audit trail before it runs: who, when, which queue, job
 * or scheduler, and what. Recorded first and refused (503) when it cannot be recorded, so no
 * action on the queues goes unaudited. A request hook after `adminsOnly`, which names the
 * administrator; `mountedAt` is the dashboard's path, which the recorded path is relative to.
 */
export function auditDashboardActions(app: INestApplication, mountedAt: string) {
  const db = app.get(DataSource);
  const logger = new Logger('QueueDashboard');
  return async (request: FastifyRequest): Promise<void> => {
    if (READS.has(request.method)) return;
    const admin = adminOf(request);
    const path = pathOf(request.url).slice(mountedAt.length) || '/';
    const what = dashboardOperation(request.method, path);
    try {
      await inTransaction(db, (em) =>
        appendAuditEvents(em, [
          {
            actorId: admin.id,
            actor: admin.username,
            action: DASHBOARD_AUDIT_ACTION,
            data: { ...what, method: request.method, path: path.slice(0, 500) },
          },
        ]),
      );
    } catch (error) {
      logger.error(`Queue dashboard call ${request.method} ${path} refused: its audit event could not be written (${(error as Error).message})`);
      throw new ServiceUnavailableException('The action could not be recorded in the audit trail; nothing was done');
    }
  };
}
