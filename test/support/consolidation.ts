import { Job, Queue } from 'bullmq';
import { consolidationChildJobId, jobIdOf, JobName } from '@app/jobs';
import { expectStatus, session, Session } from './api';
import { E2eContext } from './harness';
import { TextPart } from './types';
import { waitFor } from '../kit/poll';

/** The consolidated report as GET /api/plans/:id/consolidated answers it. */
export interface ConsolidatedFullDto {
  unitCode: string;
  unitName: string;
  included: string[];
  missing: string[];
  sections: { key: string; title: string; part?: string; takes: TextPart[]; parts: Record<TextPart, { unitCode: string; unitName: string; text: string }[]> }[];
  indicators: Record<string, number>;
  /** Per figure, each reporting unit's value. */
  indicatorBreakdown: Record<string, { unitCode: string; unitName: string; value: number }[]>;
  completeness: {
    rows: {
      unitCode: string;
      unitName: string;
      status: 'included' | 'missing';
      timeliness: 'on_time' | 'late' | 'not_submitted';
      firstSubmittedAt: string | null;
      returnedCount: number;
    }[];
    summary: { units: number; included: number; missing: number; onTime: number; late: number; returned: number };
  };
}

/** One row of the `consolidations` table, as stored. */
export interface CollectionRow {
  plan_id: string;
  unit_id: string;
  unit_code: string;
  status: 'collecting' | 'collected' | 'approved';
  cut_off_at: Date | null;
  included: string[];
  missing: string[];
  indicators: Record<string, number>;
  completeness: ConsolidatedFullDto['completeness'] | null;
  collected_at: Date | null;
  approved_at: Date | null;
}

export async function consolidated(ctx: E2eContext, planId: string, unit?: string, as?: Session): Promise<ConsolidatedFullDto> {
  const who = as ?? (await session(ctx, 'admin'));
  const query = unit === undefined ? '' : `?unit=${encodeURIComponent(unit)}`;
  return expectStatus(await who.get(`/api/plans/${planId}/consolidated${query}`), 200, `consolidated ${unit ?? 'root'}`).body as ConsolidatedFullDto;
}

export async function collections(ctx: E2eContext, planId: string): Promise<Map<string, CollectionRow>> {
  const { rows } = await ctx.db.query<CollectionRow>(
    `SELECT c.*, u.code AS unit_code FROM consolidations c JOIN org_units u ON u.id = c.unit_id WHERE c.plan_id = $1 ORDER BY u.code`,
    [planId],
  );
  return new Map(rows.map((r) => [r.unit_code, r]));
}

export async function collection(ctx: E2eContext, planId: string, unitCode: string): Promise<CollectionRow | undefined> {
  return (await collections(ctx, planId)).get(unitCode);
}

/** Waits until the unit's collection has left 'collecting' (the flow's parent job has run). */
export async function waitForCollected(ctx: E2eContext, planId: string, unitCode: string, timeoutMs = 15_000): Promise<CollectionRow> {
  return waitFor(
    async () => {
      const row = await collection(ctx, planId, unitCode);
      // Thrown, so a timeout shows the last state seen.
      if (!row || row.status === 'collecting')
        throw new Error(row ? `still collecting (cut-off ${row.cut_off_at ? new Date(row.cut_off_at).toISOString() : 'none'})` : 'no row');
      return row;
    },
    { timeoutMs, what: `collection of ${unitCode}` },
  );
}

/** The plan-level audit events (no report), with their data: the HTTP trail is per report. */
export async function planEvents(ctx: E2eContext, planId: string, action?: string) {
  const { rows } = await ctx.db.query<{
    at: Date;
    actor: string;
    action: string;
    from_stage: string | null;
    to_stage: string | null;
    comment: string | null;
    data: Record<string, unknown> | null;
  }>(
    `SELECT at, actor, action, from_stage, to_stage, comment, data FROM audit_events
      WHERE plan_id = $1 AND report_id IS NULL AND ($2::text IS NULL OR action = $2) ORDER BY id`,
    [planId, action ?? null],
  );
  return rows;
}

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  planId?: string | null;
  reportId?: string | null;
  taskId?: string | null;
  createdAt: string;
  readAt: string | null;
}

export async function notificationsOf(user: Session, kind?: string): Promise<NotificationDto[]> {
  const list = expectStatus(await user.get('/api/me/notifications'), 200, `notifications of ${user.username}`).body as NotificationDto[];
  return kind === undefined ? list : list.filter((n) => n.kind === kind);
}

/** A plain BullMQ handle on the engine's 'consolidation' queue under this file's prefix. Close it after use. */
export function consolidationQueue(ctx: E2eContext): Queue {
  return new Queue('consolidation', {
    prefix: ctx.env.queuePrefix,
    connection: { host: process.env.REDIS_HOST ?? '127.0.0.1', port: Number(process.env.REDIS_PORT ?? 6379), maxRetriesPerRequest: null },
  });
}

export const collectJobId = (planId: string, unitId: string) => jobIdOf({ name: JobName.CollectConsolidation, data: { planId, unitId } });
export const childJobId = consolidationChildJobId;

export async function jobState(queue: Queue, jobId: string): Promise<string> {
  const job = await Job.fromId(queue, jobId);
  return job ? await job.getState() : 'absent';
}

/** An instant `ms` from now as the API takes it: ISO 8601 with the +07:00 offset. */
export function hanoiIn(ms: number): string {
  const at = new Date(Date.now() + ms);
  return `${new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 23)}+07:00`;
}

/** Runs `work` over `items` with at most `limit` in flight, in order of start. */
export async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(runners);
  return results;
}
