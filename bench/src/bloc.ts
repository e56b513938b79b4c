import { freePort } from './free-port';
import { BlocClient } from './bloc-client';
import { drive, lagBreakdown, transitionLags } from './bloc-drive';
import { finish } from './bloc-finish';
import { generateBloc } from './bloc-generate';
import { buildResult, TARGETS } from './bloc-report';
import { importBloc, launchPlan, planBody, sessions } from './bloc-setup';
import { bullmqCeiling, cleanNoopQueue, sqlCeiling } from './ceilings';
import { ENGINE, EngineProcess, migrate } from './child';
import { log } from './log';
import { cpuSnapshot, hwmMb, MemorySampler } from './proc';
import { machine } from './results';
import { Scenario } from './scenario';
import { envInt, pgPool, redisClient, sandbox } from './settings';
import { SmtpSink } from './smtp-sink';
import { LockWaitSampler } from './lock-sampler';
import { openLoop, OpenLoopFigures } from './bloc-open-loop';
import { pgStatStatementsCalls, SqlCounter, sqlDelta } from './sql-counts';

/** The issue "Benchmark at the scale of a real Bloc": import, launch, drive every report over HTTP, consolidate; the machine's ceilings. */
export const bloc: Scenario = {
  name: 'bloc',
  description:
    "a Bloc of BENCH_UNITS units (10,000) imported, launched and driven through every stage over HTTP by simulated users, against the machine's ceilings",
  run,
};

const params = () => {
  const units = envInt('BENCH_UNITS', 10_000);
  return {
    units,
    users: envInt('BENCH_BLOC_USERS', 100),
    /** Pause between one simulated user's actions, ms (0: none, the closed loop at full speed). */
    thinkMs: Number(process.env.BENCH_BLOC_THINK_MS ?? 0),
    /** Users imported over HTTP (the rest with SQL, one shared hash): every one by default. */
    httpUsers: envInt('BENCH_BLOC_HTTP_USERS', 1_000_000),
    logins: envInt('BENCH_BLOC_LOGINS', 200),
    ceilingJobs: envInt('BENCH_CEILING_JOBS', 20_000),
    ceilingSeconds: envInt('BENCH_CEILING_SQL_S', 10),
    ceilingClients: envInt('BENCH_CEILING_SQL_CLIENTS', 10),
    workerConcurrency: envInt('WORKER_CONCURRENCY', 16),
    apiNodeOptions: process.env.BENCH_API_NODE_OPTIONS ?? '--max-old-space-size=192',
    workerNodeOptions: process.env.BENCH_WORKER_NODE_OPTIONS ?? '--max-old-space-size=192',
    waitS: envInt('BENCH_BLOC_WAIT_S', 600),
    /** Arrival rates of the open-loop phase (requests/s), each for `openLoopSeconds`; empty ("0"): no open-loop phase. */
    openLoopRates: (process.env.BENCH_OPEN_LOOP_RATES ?? '100,250,500,750,1000')
      .split(',')
      .map(Number)
      .filter((n) => n > 0),
    openLoopSeconds: envInt('BENCH_OPEN_LOOP_S', 4),
    /** Cell reports written and submitted so the open loop has decisions to send (two each): by default as many as the rates use. */
    openLoopDecisionReports: envInt('BENCH_OPEN_LOOP_DECISION_REPORTS', 1_000_000),
    schema: 'bench_bloc',
    queuePrefix: '{bench-bloc}',
  };
};
export type BlocParams = ReturnType<typeof params>;

/** The role the engine's processes connect as (pg_stat_statements counts by role). */
const engineRole = process.env.PG_USER || 'tongket_engine';

const ADMIN = { username: 'admin', password: 'bench-admin-password' };
const JWT_SECRET = 'bench-bloc-jwt-secret-0123456789';

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
    JWT_SECRET,
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  });
  await migrate(env);
  const pool = pgPool(p.schema, 4);
  const redis = redisClient();
  const client = new BlocClient(`http://127.0.0.1:${port}`, p.users + 10);
  const processes: EngineProcess[] = [];
  const memory: Record<string, MemorySampler> = {};
  // Statements counted in the engine's processes (a preload), and their backends' waits sampled by application_name.
  const sqlCounter = new SqlCounter('/tmp/tongket-bench-sql-counts');
  const locks = new LockWaitSampler('tongket-bench-bloc-');
  try {
    const generated = generateBloc(p.units);
    log(
      `schema ${p.schema} migrated; generated ${p.units.toLocaleString()} units (${JSON.stringify(generated.counts)}) and ${generated.users.length.toLocaleString()} users`,
    );
    // BENCH_BLOC_PROFILE=1: V8 CPU profiles of the engine's processes, written on exit to /tmp/tongket-bench-prof.
    const profile = process.env.BENCH_BLOC_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/tongket-bench-prof'] : [];
    // The API and the workers run with a capped V8 old space (BENCH_API_NODE_OPTIONS and
    // BENCH_WORKER_NODE_OPTIONS, default --max-old-space-size=192, as docs/operations.md recommends for production): uncapped, V8 lets 100 requests' promoted garbage grow the heap to
    // ~200 MB before a full collection and the API peaks near 345 MB; capped, the same load peaks near 180 MB.
    const apiOptions = p.apiNodeOptions;
    const counted = (name: string, base: NodeJS.ProcessEnv) => ({ ...sqlCounter.env(base), PGAPPNAME: `tongket-bench-${name}` });
    const api = new EngineProcess(
      'bloc-api',
      ENGINE.api,
      [],
      counted('bloc-api', { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${apiOptions}`.trim() }),
      undefined,
      profile,
    );
    const workerEnv = p.workerNodeOptions ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${p.workerNodeOptions}`.trim() } : env;
    const workers = [1, 2].map((i) => new EngineProcess(`bloc-worker${i}`, ENGINE.worker, [], counted(`bloc-worker${i}`, workerEnv), undefined, profile));
    processes.push(api, ...workers);
    for (const proc of processes) memory[proc.name] = new MemorySampler(proc.pid, 200);
    await Promise.all([api.lineMatching(/API listening/, 60_000), ...workers.map((w) => w.lineMatching(/worker started/, 60_000))]);
    const pids = () => ({ api: api.pid, worker1: workers[0].pid, worker2: workers[1].pid, bench: process.pid });
    const enginePids = () => ({ api: api.pid, worker1: workers[0].pid, worker2: workers[1].pid });
    log(`api pid ${api.pid} on port ${port}, workers pids ${workers.map((w) => w.pid).join(', ')}`);

    // VmHWM of each process after each phase: where the peak memory was reached.
    const hwm: Record<string, Record<string, number>> = {};
    const checkpoint = (phase: string) =>
      (hwm[phase] = Object.fromEntries(processes.map((proc) => [proc.name.replace('bloc-', ''), Math.round(hwmMb(proc.pid))])));
    checkpoint('boot');
    const login = await client.expect<{ accessToken: string }>('login', [200], 'POST', '/api/auth/login', undefined, ADMIN);
    const admin = login.body.accessToken;
    const cpuImport = cpuSnapshot(pids());
    const imported = await importBloc(client, admin, pool, generated, p.httpUsers);
    const cpuImported = cpuSnapshot(pids());
    checkpoint('import');

    const plan = await client.expect<{ id: string }>('create plan', [201], 'POST', '/api/plans', admin, planBody(generated.root));
    const cpuLaunch = cpuSnapshot(pids());
    const launch = await launchPlan(client, admin, pool, redis, p.queuePrefix, plan.body.id, p.units);
    const cpuLaunched = cpuSnapshot(pids());
    checkpoint('launch');

    if (process.env.BENCH_BLOC_STOP_AFTER === 'launch') {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      log(
        `stopping after the launch (BENCH_BLOC_STOP_AFTER): VmHWM (MB) ${JSON.stringify(hwm)}; now ${JSON.stringify(Object.fromEntries(processes.map((x) => [x.name, Math.round(hwmMb(x.pid))])))}`,
      );
      throw new Error('stopped after the launch, as asked (BENCH_BLOC_STOP_AFTER=launch)');
    }
    const sample = generated.reporting.slice(0, p.logins).map((u) => generated.drafter(u.code));
    const session = await sessions(client, pool, JWT_SECRET, sample);
    log(
      `sessions: ${sample.length} logins over HTTP (p50 ${session.login.p50.toFixed(0)} ms, ${(sample.length / (session.loginWallMs / 1000)).toFixed(0)}/s with 10 at once), the rest signed by the bench`,
    );
    // The figures of the drive only: setup requests are left out.
    client.latencies.clear();
    client.statuses.clear();

    let maxBacklog = 0;
    const backlog = setInterval(() => {
      void redis
        .multi()
        .llen(`${p.queuePrefix}:transitions:wait`)
        .llen(`${p.queuePrefix}:transitions:active`)
        .exec()
        .then((r) => {
          const n = ((r ?? []) as [Error | null, number][]).reduce((a, [, v]) => a + Number(v), 0);
          maxBacklog = Math.max(maxBacklog, n);
        })
        .catch(() => undefined);
    }, 250);
    const sqlDrive = await sqlCounter.snapshot(enginePids());
    const statCallsDrive = await pgStatStatementsCalls(pool, engineRole);
    await locks.start();
    const cpuDrive = cpuSnapshot(pids());
    log(`driving ${p.units.toLocaleString()} reports with ${p.users} simulated users${p.thinkMs ? `, thinking ${p.thinkMs} ms between actions` : ''}`);
    const driven = await drive(client, pool, generated, plan.body.id, session.tokens, p.users, p.thinkMs);
    const cpuDriven = cpuSnapshot(pids());
    const lockWaits = locks.take();
    const sqlDriven = await sqlCounter.snapshot(enginePids());
    const statCallsDriven = await pgStatStatementsCalls(pool, engineRole);
    const sql = {
      drive: sqlDelta(sqlDrive, sqlDriven),
      pgStatStatementsCalls: statCallsDrive === undefined || statCallsDriven === undefined ? undefined : statCallsDriven - statCallsDrive,
    };
    clearInterval(backlog);
    checkpoint('drive');
    log(
      `drive: every report at consolidation after ${((driven.allAtConsolidationAt - driven.startedAt) / 1000).toFixed(1)} s, ${driven.requests} requests, ${driven.returned} returned once`,
    );

    const finished = await finish(client, pool, generated, plan.body.id, session.tokens, driven.allAtConsolidationAt, p.waitS);
    const cpuFinished = cpuSnapshot(pids());
    checkpoint('finish');
    let open: OpenLoopFigures | undefined;
    if (p.openLoopRates.length) {
      log(`open loop: rates ${p.openLoopRates.join(', ')}/s, ${p.openLoopSeconds} s each, on a second plan`);
      open = await openLoop({
        base: `http://127.0.0.1:${port}`,
        pool,
        redis,
        prefix: p.queuePrefix,
        bloc: generated,
        tokens: session.tokens,
        admin,
        pids,
        enginePids,
        sql: sqlCounter,
        locks,
        rates: p.openLoopRates,
        seconds: p.openLoopSeconds,
        goodP99Ms: TARGETS.inboxP99Ms,
        maxDecisionReports: p.openLoopDecisionReports,
      });
      checkpoint('open loop');
    }
    await locks.stop();
    log(`VmHWM after each phase (MB): ${JSON.stringify(hwm)}`);
    // Read after the finish, so these queries do not compete with what the finish measures.
    const lags = await transitionLags(pool, plan.body.id);
    const breakdown = await lagBreakdown(pool, redis, p.queuePrefix, plan.body.id);

    const ended = processes.filter((proc) => !proc.running).map((proc) => `${proc.name} ${proc.exitReason}`);
    for (const proc of processes) await proc.stop();
    const peaks = Object.fromEntries(Object.entries(memory).map(([name, m]) => [name, m.stop()]));
    log('engine stopped; measuring the ceilings');

    await cleanNoopQueue(p.queuePrefix);
    const bull = await bullmqCeiling(p.queuePrefix, p.ceilingJobs, p.workerConcurrency);
    log(`no-op BullMQ: ${bull.jobsPerS.toFixed(0)} jobs/s (${bull.jobs} jobs, concurrency ${bull.concurrency})`);
    const sqlPool = pgPool(p.schema, p.ceilingClients);
    const sqlCeilingFigures = await sqlCeiling(sqlPool, plan.body.id, p.ceilingClients, p.ceilingSeconds).finally(() => sqlPool.end());

    return buildResult({
      p,
      startedAt,
      machine: host,
      counts: generated.counts,
      usersTotal: generated.users.length,
      imported,
      launch,
      session: { login: session.login, loginWallMs: session.loginWallMs, sample: sample.length },
      driven,
      lags,
      breakdown,
      finished,
      maxBacklog,
      hwm,
      latencies: client.latencies,
      statuses: client.statuses,
      peaks,
      ended,
      cpu: { import: [cpuImport, cpuImported], launch: [cpuLaunch, cpuLaunched], drive: [cpuDrive, cpuDriven], finish: [cpuDriven, cpuFinished] },
      ceilings: { bullmq: bull, sql: sqlCeilingFigures },
      sql,
      lockWaits,
      open,
    });
  } finally {
    for (const m of Object.values(memory)) m.stop();
    await locks.stop();
    for (const proc of processes) await proc.stop();
    client.close();
    // Hundreds of thousands of delayed reminder jobs would otherwise stay in the shared Redis until the next run.
    if (!process.env.BENCH_KEEP_KEYS) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${p.queuePrefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    redis.disconnect();
    await sink.close();
    await pool.end();
  }
}
