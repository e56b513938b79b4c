import { BlocClient } from './bloc-client';
import { ENGINE, EngineProcess, migrate } from './child';
import { freePort } from './free-port';
import { log } from './log';
import { pollUntil } from './poll';
import { cpuSnapshot } from './proc';
import { machine } from './results';
import { Metric, Scenario } from './scenario';
import { envInt, sandbox } from './settings';
import { round, summarize } from './stats';

/** What one cheap authenticated GET costs the API: CPU per request and latency, with request logging on and off. */
export const httpFloor: Scenario = {
  name: 'http-floor',
  description: 'cheap authenticated GETs (/api/me, /api/tasks) over keep-alive: API CPU per request, p50/p99, at LOG_LEVEL info and warn',
  run,
};

const params = () => ({
  requests: envInt('BENCH_HTTP_FLOOR_REQUESTS', 20_000),
  /** Requests in flight at once, each on its own keep-alive socket. */
  concurrency: envInt('BENCH_HTTP_FLOOR_CONCURRENCY', 8),
  /** Requests before measuring, so the JIT and the process's session cache are warm. */
  warmup: envInt('BENCH_HTTP_FLOOR_WARMUP', 2_000),
  levels: (process.env.BENCH_HTTP_FLOOR_LEVELS ?? 'info,warn').split(',').filter(Boolean),
  schema: 'bench_http_floor',
  queuePrefix: '{bench-http-floor}',
});

const ADMIN = { username: 'admin', password: 'bench-admin-password' };
const PATHS = ['/api/me', '/api/tasks'];
const TARGET_MS = 0.35;

interface Run {
  level: string;
  path: string;
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
  requestsPerSecond: number;
}

async function run() {
  const p = params();
  const startedAt = new Date().toISOString();
  const host = machine();
  const port = await freePort();
  const env = await sandbox(p.schema, p.queuePrefix, {
    PORT: String(port),
    BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
  });
  await migrate(env);
  const runs: Run[] = [];
  for (const level of p.levels) runs.push(...(await measureAt(level, { ...env, LOG_LEVEL: level }, port, p)));

  const metrics: Metric[] = runs.map((r) => ({
    name: `GET ${r.path} at ${r.level}: API CPU per request`,
    value: round(r.cpuMsPerRequest, 3),
    unit: 'ms',
    target: `< ${TARGET_MS} ms`,
    ok: r.cpuMsPerRequest < TARGET_MS,
    ratio: round(r.cpuMsPerRequest / TARGET_MS, 2),
  }));
  for (const r of runs) metrics.push({ name: `GET ${r.path} at ${r.level}: p50 / p99`, value: `${round(r.p50, 2)} / ${round(r.p99, 2)}`, unit: 'ms' });
  for (const path of PATHS) {
    const info = runs.find((r) => r.path === path && r.level === 'info');
    const warn = runs.find((r) => r.path === path && r.level === 'warn');
    if (info && warn) metrics.push({ name: `GET ${path}: logging at info ÷ warn (CPU)`, value: round(info.cpuMsPerRequest / warn.cpuMsPerRequest, 3) });
  }
  return {
    scenario: httpFloor.name,
    description: httpFloor.description,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: host,
    params: { requests: p.requests, concurrency: p.concurrency, warmup: p.warmup, levels: p.levels.join(','), schema: p.schema },
    metrics,
    details: { runs },
  };
}

/** One API process at `level`: signs in as the bootstrap admin, then each path's warm-up and measured requests. */
async function measureAt(level: string, env: NodeJS.ProcessEnv, port: number, p: ReturnType<typeof params>): Promise<Run[]> {
  // BENCH_HTTP_FLOOR_PROFILE=1: a V8 CPU profile of the API, written on exit to /tmp/tongket-bench-prof.
  const profile = process.env.BENCH_HTTP_FLOOR_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/tongket-bench-prof'] : [];
  const api = new EngineProcess(`http-floor-api-${level}`, ENGINE.api, [], env, undefined, profile);
  const client = new BlocClient(`http://127.0.0.1:${port}`, p.concurrency);
  try {
    // "API listening" is logged at info: below that level the first answer to a sign-in says it is up.
    const up = await pollUntil(
      async () => (api.running ? client.call<{ accessToken: string }>('login', 'POST', '/api/auth/login', undefined, ADMIN).catch(() => undefined) : null),
      60_000,
      250,
    );
    if (!up || up.status !== 200) throw new Error(`${api.name}: no sign-in within 60 s (${api.running ? 'running' : api.exitReason}); see ${api.logPath}`);
    const token = up.body.accessToken;
    const runs: Run[] = [];
    for (const path of PATHS) {
      await drive(client, path, token, p.warmup, p.concurrency);
      const before = cpuSnapshot({ api: api.pid }, []);
      const latencies = await drive(client, path, token, p.requests, p.concurrency);
      const after = cpuSnapshot({ api: api.pid }, []);
      const s = summarize(latencies);
      const wallS = (after.at - before.at) / 1000;
      const r: Run = {
        level,
        path,
        cpuMsPerRequest: ((after.seconds.api - before.seconds.api) * 1000) / p.requests,
        p50: s.p50,
        p99: s.p99,
        requestsPerSecond: p.requests / wallS,
      };
      log(
        `LOG_LEVEL=${level} GET ${path}: ${r.cpuMsPerRequest.toFixed(3)} ms API CPU per request, p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms, ${r.requestsPerSecond.toFixed(0)}/s`,
      );
      runs.push(r);
    }
    return runs;
  } finally {
    client.close();
    await api.stop();
  }
}

/** `count` GETs, `concurrency` at a time over keep-alive sockets; every answer must be 200. Answers the latencies (ms). */
export async function drive(client: BlocClient, path: string, token: string, count: number, concurrency: number): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        latencies.push((await client.expect(path, [200], 'GET', path, token)).ms);
      }
    }),
  );
  return latencies;
}
