import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@app/jobs';
import { ErrorAnswer, refusingHook } from '../http/refusing-hook';
import { adminsOnly } from './admin-request';
import { auditDashboardActions } from './dashboard-audit';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for administrators only. A browser cannot
 * send a bearer header when it navigates, so an admin first calls
 * POST /api/admin/queues/session with the token, which sets an HttpOnly, SameSite=Strict cookie
 * scoped to this path (Secure over HTTPS); API calls keep using the header. Every call that
 * changes the queues is audited before it runs. Its own plugin scope: the hooks guard its routes
 * only, and its calls' JSON bodies (adding a job, editing its data) are parsed here, after them.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, errors: ErrorAnswer): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
  });
  await app.register(async (scope: FastifyInstance) => {
    const onlyAdmins = adminsOnly(app, 'the queues');
    const audit = auditDashboardActions(app, DASHBOARD_PATH);
    scope.addHook(
      'onRequest',
      refusingHook(errors, async (request) => {
        await onlyAdmins(request);
        await audit(request);
      }),
    );
    // A malformed or oversized body (Fastify's FST_ERR_CTP_…) is a 4xx in the engine's error shape.
    scope.setErrorHandler((error, request, reply) => errors.answer(error, request, reply));
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: DASHBOARD_BODY_LIMIT }, scope.getDefaultJsonParser('error', 'error'));
    await scope.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
  });
}

/** A job's data as an administrator edits it on the dashboard. */
const DASHBOARD_BODY_LIMIT = 1024 * 1024;
