import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { log } from './log';
import { sleep } from './poll';
import { redisClient, settings } from './settings';
import { summarize, Summary } from './stats';

/**
 * The machine's own ceilings, measured in the same run as the engine (spec/performance.md: figures
 * move ±30% between runs, so the engine is judged by ratios to these).
 */
export interface Ceilings {
  bullmq: { jobs: number; concurrency: number; addMs: number; totalMs: number; jobsPerS: number };
  sql: { clients: number; seconds: number; transactions: number; perS: number; latency: Summary; statements: number };
}

/** No-op jobs through one BullMQ Queue and one Worker (the engine's WORKER_CONCURRENCY), added in bulks of 1,000. */
export async function bullmqCeiling(prefix: string, jobs: number, concurrency: number): Promise<Ceilings['bullmq']> {
  const connection = { ...settings.redis, maxRetriesPerRequest: null };
  const queue = new Queue('noop', { connection, prefix });
  let completed = 0;
  let lastAt = 0;
  const worker = new Worker('noop', async () => undefined, { connection, prefix, concurrency, autorun: true });
  worker.on('completed', () => {
    completed++;
    lastAt = Date.now();
  });
  await worker.waitUntilReady();
  const start = Date.now();
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k }, opts: { removeOnComplete: true } })));
  }
  const addMs = Date.now() - start;
  while (completed < jobs) await sleep(20);
  await worker.close();
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  const totalMs = lastAt - start;
  return { jobs, concurrency, addMs, totalMs, jobsPerS: jobs / (totalMs / 1000) };
}

/**
 * The writes of one transition as one bare transaction, by `clients` connections at once for
 * `seconds`, on the scenario's own tables (their indexes, triggers and sizes): lock the report,
 * record the deciding task's decision (completed and applied), cancel the stage's other open tasks,
 * move the report (stage, round, version checked), insert the next stage's three tasks, two audit
 * events (decision, transition) and one outbox row. The engine spends two transactions (API, worker)
 * plus the outbox relay's update on the same. Each client works on its own reports, as reports do
 * not contend with each other in the engine either.
 */
export async function sqlCeiling(pool: Pool, planId: string, clients: number, seconds: number): Promise<Ceilings['sql']> {
  const { rows: reports } = await pool.query<{ id: string; unit_id: string; round: number }>(
    `SELECT id, unit_id, round FROM reports WHERE plan_id = $1 ORDER BY id LIMIT 1000`,
    [planId],
  );
  const { rows: people } = await pool.query<{ id: string }>(`SELECT id FROM users ORDER BY id LIMIT 3`);
  const assignees = people.map((p) => p.id);
  // Every report starts with three open tasks in a stage of its own, so the first transaction has a decision to record.
  const state = new Map<string, { round: number; task: string }>();
  for (const r of reports) {
    const round = r.round + 1000;
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, stage, kind, role)
       SELECT $1, $2, $3, $3, $4, a, 'bench_ceiling', 'approval', 'approver' FROM unnest($5::uuid[]) a RETURNING id`,
      [planId, r.id, r.unit_id, round, assignees],
    );
    state.set(r.id, { round, task: rows[0].id });
  }
  const latencies: number[] = [];
  let transactions = 0;
  const until = Date.now() + seconds * 1000;
  const transition = async (client: Awaited<ReturnType<Pool['connect']>>, report: { id: string; unit_id: string }) => {
    const s = state.get(report.id)!;
    const t0 = process.hrtime.bigint();
    await client.query('BEGIN');
    try {
      const {
        rows: [locked],
      } = await client.query<{ version: number }>(`SELECT version FROM reports WHERE id = $1 FOR NO KEY UPDATE`, [report.id]);
      await client.query(
        `UPDATE tasks SET state = 'completed', decision = 'approve', completed_at = now(), applied_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`,
        [s.task],
      );
      await client.query(
        `UPDATE tasks SET state = 'cancelled', cancelled_at = now(), updated_at = now(), version = version + 1
          WHERE plan_id = $1 AND report_id = $2 AND stage = 'bench_ceiling' AND round = $3 AND state = 'open'`,
        [planId, report.id, s.round],
      );
      const {
        rows: [moved],
      } = await client.query<{ round: number }>(
        `UPDATE reports SET round = round + 1, version = version + 1, stage_entered_at = now(), updated_at = now(), due_at = now() + interval '30 days'
          WHERE id = $1 AND version = $2 RETURNING round`,
        [report.id, locked.version],
      );
      const next = s.round + 1;
      const { rows: created } = await client.query<{ id: string }>(
        `INSERT INTO tasks (plan_id, report_id, unit_id, scope_unit_id, round, assignee_id, due_at, stage, kind, role)
         SELECT $1, $2, $3, $3, $4, a, now() + interval '30 days', 'bench_ceiling', 'approval', 'approver' FROM unnest($5::uuid[]) a RETURNING id`,
        [planId, report.id, report.unit_id, next, assignees],
      );
      await client.query(
        `INSERT INTO audit_events (actor_id, actor, action, plan_id, report_id, task_id, from_stage, to_stage)
         VALUES ($1, 'bench', 'approve', $2, $3, $4, 'bench_ceiling', NULL), (NULL, 'system', 'transition', $2, $3, $4, 'bench_ceiling', 'bench_ceiling')`,
        [assignees[0], planId, report.id, s.task],
      );
      await client.query(`INSERT INTO outbox (job_name, payload) VALUES ('decision.apply', $1)`, [JSON.stringify({ taskId: s.task })]);
      await client.query('COMMIT');
      if (!moved) throw new Error('version check failed');
      state.set(report.id, { round: next, task: created[0].id });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    transactions++;
  };
  const start = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const client = await pool.connect();
      try {
        const mine = reports.filter((_, i) => i % clients === c);
        for (let i = 0; Date.now() < until; i++) await transition(client, mine[i % mine.length]);
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (Date.now() - start) / 1000;
  log(`bare SQL transition: ${transactions} transactions in ${elapsed.toFixed(1)} s by ${clients} clients`);
  return { clients, seconds: elapsed, transactions, perS: transactions / elapsed, latency: summarize(latencies), statements: 10 };
}

/** Deletes the no-op queue's keys, should an earlier run have left some. */
export async function cleanNoopQueue(prefix: string): Promise<void> {
  const redis = redisClient();
  try {
    const keys = await redis.keys(`${prefix}:noop:*`);
    if (keys.length) await redis.unlink(...keys);
  } finally {
    redis.disconnect();
  }
}
