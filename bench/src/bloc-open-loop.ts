import { Pool } from 'pg';
import Redis from 'ioredis';
import { BlocClient } from './bloc-client';
import { planOutline, sectionBody, writeAndSubmit } from './bloc-drive';
import { GeneratedBloc, GenUnit } from './bloc-generate';
import { launchPlan, planBody } from './bloc-setup';
import { LockWaitSampler, WaitShares } from './lock-sampler';
import { log } from './log';
import { climb, KindFigures, Send } from './open-loop';
import { pollUntil, sleep } from './poll';
import { cpuSnapshot, CpuSnapshot } from './proc';
import { SqlCounter, sqlDelta, SqlDelta } from './sql-counts';

/** One request kind measured alone at rising rates, with what it cost per request. */
export interface OpenLoopKind extends KindFigures {
  requests: number;
  /** CPU milliseconds per request, by process (api, worker1, worker2, postgres, redis-server, bench, machine). */
  cpuMsPerRequest: Record<string, number>;
  sql: SqlDelta;
  locks: WaitShares;
}

export interface OpenLoopFigures {
  planId: string;
  seconds: number;
  rates: number[];
  kinds: OpenLoopKind[];
  /** Cell reports written and submitted (closed loop, not measured) so their approvers have decisions to make. */
  decisionReports: number;
  decisionPrepMs: number;
}

export interface OpenLoopContext {
  base: string;
  pool: Pool;
  redis: Redis;
  prefix: string;
  bloc: GeneratedBloc;
  tokens: Map<string, string>;
  admin: string;
  /** Every measured process, the bench's own included (CPU). */
  pids: () => Record<string, number>;
  /** The engine's processes only: those counting their SQL, which the counter signals. */
  enginePids: () => Record<string, number>;
  sql: SqlCounter;
  locks: LockWaitSampler;
  rates: number[];
  seconds: number;
  goodP99Ms: number;
  /** At most this many cell reports prepared for decisions (their writing takes a while on a busy machine); all that the rates can use by default. */
  maxDecisionReports?: number;
}

const STOP_ABOVE_MS = 1000;

/**
 * The open-loop phase, once the drive's plan is completed: a second plan over the same Bloc is
 * launched, then each request kind is sent alone at fixed arrival rates (`rates`, `seconds` each),
 * latency counted from each request's scheduled send: a cheap authenticated GET (`/api/me`), the
 * inbox (`GET /api/tasks`, a drafter's: one open task), a section save (`PUT` of one section by its
 * drafter, over every report and section in turn), and a decision (approve on an open cell approval
 * task; two of the three approvers per report, so half the decisions move a report). Decisions need
 * open tasks: enough cell reports are written and submitted first (a closed loop, not measured).
 */
export async function openLoop(ctx: OpenLoopContext): Promise<OpenLoopFigures> {
  const { pool, bloc, tokens } = ctx;
  const setup = new BlocClient(ctx.base, 60);
  // Enough sockets for a second of requests at the highest rate: the bench is not the bottleneck.
  const client = new BlocClient(ctx.base, Math.max(...ctx.rates), 30_000);
  try {
    const plan = await setup.expect<{ id: string }>('create plan', [201], 'POST', '/api/plans', ctx.admin, planBody(bloc.root));
    const planId = plan.body.id;
    await launchPlan(setup, ctx.admin, pool, ctx.redis, ctx.prefix, planId, bloc.reporting.length);
    // The launch's own aftermath (notices, e-mails) goes first: each kind is measured alone.
    await settle(ctx);
    const token = (username: string) => tokens.get(username) ?? '';
    const drafters = bloc.reporting.map((u) => token(bloc.drafter(u.code)));
    const unitByCode = new Map(bloc.reporting.map((u) => [u.code, u]));
    const { rows } = await pool.query<{ id: string; code: string }>(
      `SELECT r.id, u.code FROM reports r JOIN org_units u ON u.id = r.unit_id WHERE r.plan_id = $1 ORDER BY u.code`,
      [planId],
    );
    const reports = rows.map((r, index) => ({ id: r.id, index, unit: unitByCode.get(r.code)! }));
    const outline = await planOutline(pool, planId);

    const kinds: OpenLoopKind[] = [];
    const measure = async (kind: string, send: Send, ok: number[], feed?: number) => {
      const cpuFrom = cpuSnapshot(ctx.pids());
      const sqlFrom = await ctx.sql.snapshot(ctx.enginePids());
      ctx.locks.take();
      const figures = await climb(kind, ctx.rates, ctx.seconds, send, ok, {
        goodP99Ms: ctx.goodP99Ms,
        stopAboveMs: STOP_ABOVE_MS,
        feed,
        onRate: (r) =>
          log(
            `  open loop ${kind} at ${r.rate}/s: ${r.sent} sent, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.errors} errors (send lag p99 ${r.sendLagP99.toFixed(1)} ms)`,
          ),
      });
      await settle(ctx);
      const cpuTo = cpuSnapshot(ctx.pids());
      const sql = sqlDelta(sqlFrom, await ctx.sql.snapshot(ctx.enginePids()));
      const requests = figures.rates.reduce((n, r) => n + r.sent, 0);
      kinds.push({ ...figures, requests, cpuMsPerRequest: cpuPerRequest(cpuFrom, cpuTo, requests), sql, locks: ctx.locks.take() });
    };

    await measure('GET /api/me', (i) => client.call('open loop me', 'GET', '/api/me', drafters[i % drafters.length]).then((a) => a.status), [200]);
    await measure(
      'inbox (GET /api/tasks)',
      (i) => client.call('open loop inbox', 'GET', '/api/tasks', drafters[i % drafters.length]).then((a) => a.status),
      [200],
    );
    await measure(
      'section save (PUT)',
      (i) => {
        const r = reports[i % reports.length];
        const item = outline[Math.floor(i / reports.length) % outline.length];
        return client
          .call('open loop section', 'PUT', `/api/reports/${r.id}/sections/${item.key}`, token(bloc.drafter(r.unit.code)), sectionBody(item, r.unit.name))
          .then((a) => a.status);
      },
      [200],
    );

    // Decisions: two per report at cell approval, as many reports as the rates can use.
    const needed = Math.min(ctx.maxDecisionReports ?? Infinity, Math.ceil(ctx.rates.reduce((n, rate) => n + rate * ctx.seconds, 0) / 2));
    const cells = reports.filter((r) => r.unit.kind === 'cell').slice(0, needed);
    const t0 = Date.now();
    const decisions = await prepareDecisions(setup, ctx, planId, outline, cells);
    const decisionPrepMs = Date.now() - t0;
    log(`open loop: ${cells.length} cell reports written and submitted in ${(decisionPrepMs / 1000).toFixed(1)} s: ${decisions.length} decisions to make`);
    await measure(
      'decision (approve)',
      (i) =>
        client
          .call('open loop decision', 'POST', `/api/tasks/${decisions[i].task}/complete`, token(decisions[i].username), { decision: 'approve' })
          .then((a) => a.status),
      [202],
      decisions.length,
    );
    return { planId, seconds: ctx.seconds, rates: ctx.rates, kinds, decisionReports: cells.length, decisionPrepMs };
  } finally {
    setup.close();
    client.close();
  }
}

/** Writes and submits the reports (50 drafters at once), waits for their approval tasks; answers the decisions, two per report. */
async function prepareDecisions(
  client: BlocClient,
  ctx: OpenLoopContext,
  planId: string,
  outline: Awaited<ReturnType<typeof planOutline>>,
  cells: { id: string; index: number; unit: GenUnit }[],
): Promise<{ task: string; username: string }[]> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < cells.length) {
        const r = cells[next++];
        await writeAndSubmit(client, outline, r, ctx.tokens.get(ctx.bloc.drafter(r.unit.code)) ?? '');
      }
    }),
  );
  const ids = cells.map((r) => r.id);
  await pollUntil(
    async () => {
      const {
        rows: [c],
      } = await ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::uuid[]) AND stage = 'cell_approval'`, [ids]);
      return c.n === ids.length ? true : undefined;
    },
    120_000,
    100,
  );
  const { rows } = await ctx.pool.query<{ id: string; report_id: string; username: string }>(
    `SELECT t.id, t.report_id, u.username FROM tasks t JOIN users u ON u.id = t.assignee_id
      WHERE t.plan_id = $1 AND t.report_id = ANY($2::uuid[]) AND t.stage = 'cell_approval' AND t.state = 'open'
      ORDER BY t.report_id, u.username`,
    [planId, ids],
  );
  // The first two approvers (.a1, .a2) of each report, one after the other: the second decision moves the report.
  const byReport = new Map<string, { task: string; username: string }[]>();
  for (const r of rows) {
    const list = byReport.get(r.report_id) ?? [];
    if (list.length < 2) list.push({ task: r.id, username: r.username });
    byReport.set(r.report_id, list);
  }
  return ids.flatMap((id) => byReport.get(id) ?? []);
}

/**
 * Waits until no queue has a job waiting or running (at most 60 s; delayed reminders do not count),
 * so the workers' part of a kind is counted with it and the next kind starts on a quiet engine.
 */
async function settle(ctx: OpenLoopContext): Promise<void> {
  const queues = (await ctx.redis.keys(`${ctx.prefix}:*:meta`)).map((k) => k.slice(0, -':meta'.length));
  await pollUntil(
    async () => {
      const lengths = await Promise.all(queues.flatMap((q) => [ctx.redis.llen(`${q}:wait`), ctx.redis.llen(`${q}:active`)]));
      return lengths.every((n) => n === 0) ? true : undefined;
    },
    60_000,
    100,
  );
  await sleep(500);
}

function cpuPerRequest(from: CpuSnapshot, to: CpuSnapshot, requests: number): Record<string, number> {
  return Object.fromEntries(Object.keys(to.seconds).map((k) => [k, requests ? ((to.seconds[k] - from.seconds[k]) * 1000) / requests : NaN]));
}
