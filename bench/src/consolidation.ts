import { readFileSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port';
import { ENGINE, EngineProcess, migrate } from './child';
import { buildResult, FlowTimes, Measured, RequestResult } from './consolidation-report';
import { MEMBERS_QUERY, openRootCollection, seedBloc } from './consolidation-seed';
import { timedRequest } from './http';
import { log } from './log';
import { pollUntil, sleep } from './poll';
import { cpuSnapshot, hwmMb, MemorySampler } from './proc';
import { machine } from './results';
import { Scenario } from './scenario';
import { envInt, pgPool, redisClient, sandbox } from './settings';
import { SmtpSink } from './smtp-sink';

/** Consolidating 10,000 approved reports under 10 s; the consolidated report over HTTP, as JSON and .docx; peak memory. */
export const consolidation: Scenario = {
  name: 'consolidation',
  description: 'the root consolidates every approved report: the BullMQ flow, the consolidated JSON and the .docx',
  run,
};

const params = () => ({
  units: envInt('BENCH_CONSOLIDATION_UNITS', 10_000),
  /** How long to wait for the collection, and for each HTTP response. */
  waitS: envInt('BENCH_CONSOLIDATION_WAIT_S', 300),
  httpTimeoutS: envInt('BENCH_HTTP_TIMEOUT_S', 300),
  schema: 'bench_consolidation',
  queuePrefix: '{bench-consolidation}',
});

export type Params = ReturnType<typeof params>;

const ADMIN = { username: 'admin', password: 'bench-admin-password' };
export const DOCX_PATH = '/tmp/tongket-bench-consolidated.docx';

async function run() {
  const p = params();
  const startedAt = new Date().toISOString();
  const host = machine();
  const sink = new SmtpSink();
  const smtpPort = await sink.start();
  const port = await freePort();
  const env = await sandbox(p.schema, p.queuePrefix, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_SECURE: 'false',
    PORT: String(port),
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  });
  await migrate(env);
  const pool = pgPool(p.schema, 2);
  const redis = redisClient();
  let api: EngineProcess | undefined;
  let worker: EngineProcess | undefined;
  const samplers: MemorySampler[] = [];
  try {
    log(`schema ${p.schema} migrated; seeding a Bloc of ${p.units.toLocaleString()} units with their approved reports`);
    const seedStart = Date.now();
    const bloc = await seedBloc(pool, p.units);
    await openRootCollection(pool, bloc.planId, bloc.rootId);
    const seedMs = Date.now() - seedStart;
    log(
      `seeded in ${(seedMs / 1000).toFixed(1)} s: ${bloc.reports.toLocaleString()} reports (${JSON.stringify(bloc.kinds)}), ` +
        `${bloc.partChars.parts.toLocaleString()} parts of ${bloc.partChars.avg} characters on average; reports table ${bloc.reportsTableMb.toFixed(0)} MB`,
    );

    // The API first, so its boot is over before the worker's collection is timed.
    // With the V8 cap docs/operations.md recommends for production (BENCH_API_NODE_OPTIONS, as in scenario bloc):
    // the consolidated answer must fit in it, since it is written a few hundred texts at a time.
    const apiOptions = process.env.BENCH_API_NODE_OPTIONS ?? '--max-old-space-size=192';
    api = new EngineProcess('api', ENGINE.api, [], { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${apiOptions}`.trim() });
    const apiMemory = new MemorySampler(api.pid, 100);
    samplers.push(apiMemory);
    const apiReadyAt = await api.lineMatching(/API listening/, 60_000);
    const apiBootHwmMb = hwmMb(api.pid);
    const base = `http://127.0.0.1:${port}/api`;
    const login = await timedRequest(`${base}/auth/login`, { method: 'POST', json: ADMIN, timeoutMs: 30_000, keep: true });
    if (login.status !== 200) throw new Error(`login as ${ADMIN.username} failed: ${login.status} ${login.error ?? login.body?.toString()}`);
    const token = (JSON.parse(login.body!.toString()) as { accessToken: string }).accessToken;
    log(`api pid ${api.pid} ready in ${((apiReadyAt - api.startedAt) / 1000).toFixed(1)} s on port ${port}, logged in as ${ADMIN.username}`);

    // (a) The worker's reconciler creates the root's flow; every child is ready, so the parent collects at once.
    const parentKey = `${p.queuePrefix}:consolidation:collect-${bloc.planId}-${bloc.rootId}`;
    worker = new EngineProcess('worker', ENGINE.worker, [], env);
    const workerMemory = new MemorySampler(worker.pid, 100);
    samplers.push(workerMemory);
    const pids = () => ({ api: api!.pid, worker: worker!.pid, bench: process.pid });
    const cpuAtSpawn = cpuSnapshot(pids());
    let flowSeenAt = NaN;
    const watchFlow = setInterval(() => {
      if (Number.isNaN(flowSeenAt)) void redis.exists(parentKey).then((n) => (n && Number.isNaN(flowSeenAt) ? (flowSeenAt = Date.now()) : undefined));
    }, 20);
    const workerReadyAt = await worker.lineMatching(/worker started/, 60_000);
    const workerReadyHwmMb = hwmMb(worker.pid);
    log(`worker pid ${worker.pid} ready in ${((workerReadyAt - worker.startedAt) / 1000).toFixed(1)} s; waiting for the collection`);
    const collectedSeenAt = await pollUntil(
      async () => {
        const { rows } = await pool.query<{ status: string }>(`SELECT status FROM consolidations WHERE plan_id = $1 AND unit_id = $2`, [
          bloc.planId,
          bloc.rootId,
        ]);
        if (rows[0]?.status === 'collected') return Date.now();
        if (!worker!.running) return NaN;
        return undefined;
      },
      p.waitS * 1000,
      50,
    );
    clearInterval(watchFlow);
    const cpuAtCollected = cpuSnapshot(pids());
    const workerCollectedHwmMb = hwmMb(worker.pid);
    const flow = await flowTimes(pool, redis, p.queuePrefix, bloc.planId, parentKey);
    const {
      rows: [row],
    } = await pool.query<{ status: string; collected_at: Date | null; included: number; missing: number }>(
      `SELECT status, collected_at, jsonb_array_length(included) AS included, jsonb_array_length(missing) AS missing FROM consolidations WHERE plan_id = $1 AND unit_id = $2`,
      [bloc.planId, bloc.rootId],
    );
    const workerEnded = worker.running ? '' : `worker ${worker.exitReason}${crashReason(worker.logPath)}`;
    log(
      `collection: ${row.status} (${row.included} included, ${row.missing} missing) ` +
        (collectedSeenAt && Number.isFinite(collectedSeenAt)
          ? `${((collectedSeenAt - workerReadyAt) / 1000).toFixed(1)} s after worker ready`
          : `NOT collected (${workerEnded || 'timed out'})`),
    );

    // (b) The consolidated report as JSON, then (c) as .docx, each measured from outside.
    const timeoutMs = p.httpTimeoutS * 1000;
    const cpuBeforeJson = cpuSnapshot(pids());
    const json = await timedRequest(`${base}/plans/${bloc.planId}/consolidated`, { token, timeoutMs, keep: true });
    const cpuAfterJson = cpuSnapshot(pids());
    const apiAfterJsonHwmMb = hwmMb(api.pid);
    const jsonCheck = checkJson(json.body, bloc);
    json.body = undefined;
    log(`GET consolidated: ${json.status || json.error} in ${(json.totalMs / 1000).toFixed(1)} s, ${(json.bytes / 2 ** 20).toFixed(1)} MB; ${jsonCheck}`);

    const docx = await timedRequest(`${base}/plans/${bloc.planId}/consolidated.docx`, { token, timeoutMs, keep: true });
    const cpuAfterDocx = cpuSnapshot(pids());
    const apiAfterDocxHwmMb = hwmMb(api.pid);
    let docxCheck = docx.error ?? `HTTP ${docx.status}`;
    if (docx.status === 200 && docx.body) {
      writeFileSync(DOCX_PATH, docx.body);
      docxCheck = docx.body.subarray(0, 2).toString() === 'PK' ? `a zip, written to ${DOCX_PATH}` : 'NOT a zip';
    }
    docx.body = undefined;
    log(`GET consolidated.docx: ${docx.status || docx.error} in ${(docx.totalMs / 1000).toFixed(1)} s, ${(docx.bytes / 2 ** 20).toFixed(1)} MB; ${docxCheck}`);

    // A process that dies (say, out of heap) closes its sockets a moment before its exit is seen.
    if (json.error || docx.error) await Promise.race([api.exited, sleep(3000)]);
    const apiEnded = api.running ? '' : `api ${api.exitReason}${crashReason(api.logPath)}`;
    const peaks = { api: apiMemory.stop(), worker: workerMemory.stop() };
    await worker.stop();
    await api.stop();
    log('api and worker stopped; timing the members() query and its plan directly');
    const diagnosis = await diagnose(pool, bloc.planId);

    const measured: Measured = {
      p,
      startedAt,
      machine: host,
      seedMs,
      bloc,
      api: {
        spawnAt: api.startedAt,
        readyAt: apiReadyAt,
        bootHwmMb: apiBootHwmMb,
        afterJsonHwmMb: apiAfterJsonHwmMb,
        afterDocxHwmMb: apiAfterDocxHwmMb,
        peak: peaks.api,
        ended: apiEnded,
      },
      worker: {
        spawnAt: worker.startedAt,
        readyAt: workerReadyAt,
        readyHwmMb: workerReadyHwmMb,
        collectedHwmMb: workerCollectedHwmMb,
        peak: peaks.worker,
        ended: workerEnded,
      },
      collection: {
        seenAt: collectedSeenAt ?? NaN,
        flowSeenAt,
        status: row.status,
        collectedAt: row.collected_at ? new Date(row.collected_at).getTime() : NaN,
        included: row.included,
        missing: row.missing,
      },
      flow,
      login: { status: login.status, headersMs: login.headersMs, totalMs: login.totalMs, bytes: login.bytes, error: login.error },
      json: { ...(json as RequestResult), check: jsonCheck },
      docx: { ...(docx as RequestResult), check: docxCheck },
      cpu: { spawn: cpuAtSpawn, collected: cpuAtCollected, beforeJson: cpuBeforeJson, afterJson: cpuAfterJson, afterDocx: cpuAfterDocx },
      diagnosis,
      smtpReceived: sink.received,
    };
    return buildResult(measured);
  } finally {
    for (const s of samplers) s.stop();
    await worker?.stop();
    await api?.stop();
    redis.disconnect();
    await sink.close();
    await pool.end();
  }
}

/** Why an engine process died, from its log: V8's out-of-heap message, or nothing. */
function crashReason(logPath: string): string {
  try {
    const text = readFileSync(logPath, 'utf8');
    const fatal = /FATAL ERROR: [^\n]*/.exec(text)?.[0];
    const heap = [...text.matchAll(/Mark-Compact[^\n]*?-> ([\d.]+) \(/g)].pop()?.[1];
    return fatal ? ` (${fatal}${heap ? `, heap ${Math.round(Number(heap))} MB` : ''})` : '';
  } catch {
    return '';
  }
}

/** What BullMQ recorded of the flow: the parent's and the children's times (epoch ms). */
async function flowTimes(
  pool: ReturnType<typeof pgPool>,
  redis: ReturnType<typeof redisClient>,
  prefix: string,
  planId: string,
  parentKey: string,
): Promise<FlowTimes> {
  const [timestamp, processedOn, finishedOn, attemptsMade, failedReason] = await redis.hmget(
    parentKey,
    'timestamp',
    'processedOn',
    'finishedOn',
    'attemptsMade',
    'failedReason',
  );
  const { rows } = await pool.query<{ id: string }>(`SELECT id FROM reports WHERE plan_id = $1`, [planId]);
  const pipeline = redis.pipeline();
  for (const r of rows) pipeline.hmget(`${prefix}:consolidation:collect-child-${planId}-${r.id}`, 'timestamp', 'processedOn', 'finishedOn');
  const answers = ((await pipeline.exec()) ?? []).map(([, v]) => (v as (string | null)[]).map((x) => (x === null ? NaN : Number(x))));
  const column = (i: number) => answers.map((a) => a[i]).filter(Number.isFinite);
  const min = (xs: number[]) => xs.reduce((a, b) => Math.min(a, b), Infinity);
  const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), -Infinity);
  const finished = column(2);
  return {
    parent: {
      timestamp: Number(timestamp ?? NaN),
      processedOn: Number(processedOn ?? NaN),
      finishedOn: Number(finishedOn ?? NaN),
      attemptsMade: Number(attemptsMade ?? 0),
      failedReason: failedReason ?? '',
    },
    children: {
      count: rows.length,
      inRedis: column(0).length,
      finished: finished.length,
      firstTimestamp: min(column(0)),
      lastTimestamp: max(column(0)),
      firstProcessedOn: min(column(1)),
      lastFinishedOn: max(finished),
    },
  };
}

/** Checks the consolidated JSON against what was seeded: every report included, sums right, the table complete. */
function checkJson(body: Buffer | undefined, bloc: Awaited<ReturnType<typeof seedBloc>>): string {
  if (!body) return 'no body';
  try {
    const c = JSON.parse(body.toString()) as {
      included: string[];
      missing: string[];
      indicators: Record<string, number>;
      sections: { parts: Record<string, unknown[]> }[];
      completeness: { rows: unknown[]; summary: Record<string, number> };
    };
    const wrongSums = Object.entries(bloc.indicatorSums)
      .filter(([k, v]) => c.indicators[k] !== v)
      .map(([k]) => k);
    const texts = c.sections.reduce((n, s) => n + Object.values(s.parts).reduce((m, t) => m + t.length, 0), 0);
    const problems = [
      c.included.length !== bloc.reports && `${c.included.length} included`,
      c.missing.length !== 0 && `${c.missing.length} missing`,
      wrongSums.length && `sums wrong: ${wrongSums.join(', ')}`,
      texts !== bloc.partChars.parts && `${texts} attributed texts of ${bloc.partChars.parts}`,
      c.completeness.rows.length !== bloc.reports && `${c.completeness.rows.length} completeness rows`,
      c.completeness.summary.late !== bloc.late && `${c.completeness.summary.late} late (seeded ${bloc.late})`,
      c.completeness.summary.returned !== bloc.returned && `${c.completeness.summary.returned} returned (seeded ${bloc.returned})`,
    ].filter(Boolean);
    return problems.length
      ? `WRONG: ${problems.join('; ')}`
      : `right: ${c.included.length} included, ${texts} attributed texts, sums and completeness as seeded`;
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
}

/**
 * Where the API's and the collector's time may go, measured without the engine: the members() query
 * fetched by node-postgres (transfer and JSON parsing included), the same rows serialised inside
 * PostgreSQL only (detoasting and jsonb → text, no transfer), and EXPLAIN (ANALYZE, BUFFERS).
 */
async function diagnose(pool: ReturnType<typeof pgPool>, planId: string) {
  const time = async <T>(f: () => Promise<T>) => {
    const start = process.hrtime.bigint();
    const value = await f();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
  };
  const fetched = await time(() => pool.query<{ sections: unknown }>(MEMBERS_QUERY, [planId]).then((r) => r.rows.length));
  const serverOnly = await time(() =>
    pool
      .query<{ n: number; bytes: string }>(`SELECT count(*)::int AS n, sum(octet_length(m::text))::bigint AS bytes FROM (${MEMBERS_QUERY}) m`, [planId])
      .then((r) => r.rows[0]),
  );
  const explain = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${MEMBERS_QUERY}`, [planId]);
  return {
    membersFetchedMs: fetched.ms,
    membersRows: fetched.value,
    membersServerOnlyMs: serverOnly.ms,
    membersTextMb: Number(serverOnly.value.bytes) / 2 ** 20,
    explain: explain.rows.map((r) => r['QUERY PLAN']),
  };
}
