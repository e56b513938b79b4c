import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@app/jobs';
import { adminsOnly } from './admin-request';
import { auditDashboardActions } from './dashboard-audit';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for administrators only. A browser cannot
 * send a bearer header when it navigates, so an admin first calls
 * POST /api/admin/queues/session with the token, which sets an HttpOnly, SameSite=Strict cookie
 * scoped to this path (Secure over HTTPS); API calls keep using the header. Every call that
 * changes the queues is audited before it runs.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  app.use(DASHBOARD_PATH, adminsOnly(app, 'the queues'), auditDashboardActions(app), serverAdapter.getRouter());
}
