import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { ADAPTER_APP_SECRET, ADAPTER_APP_USER } from './adapter-app';
import { BlocClient } from './bloc-client';
import { EngineProcess } from './child';
import { freePort } from './free-port';
import { drive } from './http-floor';
import { log } from './log';
import { cpuSnapshot } from './proc';
import { machine } from './results';
import { Metric, Scenario } from './scenario';
import { envInt } from './settings';
import { round, summarize } from './stats';

/**
 * Express against Fastify under Nest, nothing else around them: the same guarded GET on a bare app
 * per adapter (adapter-app.ts), and Node's own server as the floor, in fresh processes taken in
 * turn round after round so that a noisy machine weighs on each alike.
 */
export const httpAdapters: Scenario = {
  name: 'http-adapters',
  description: 'one guarded GET on a bare Nest app, Express adapter against Fastify (and bare Node): server CPU per request, p50/p99',
  run,
};

const ADAPTERS = ['node', 'express', 'fastify'] as const;
type Adapter = (typeof ADAPTERS)[number];

const params = () => ({
  requests: envInt('BENCH_HTTP_ADAPTERS_REQUESTS', 20_000),
  concurrency: envInt('BENCH_HTTP_FLOOR_CONCURRENCY', 8),
  warmup: envInt('BENCH_HTTP_FLOOR_WARMUP', 2_000),
  rounds: envInt('BENCH_HTTP_ADAPTERS_ROUNDS', 3),
});

interface Run {
  adapter: Adapter;
  round: number;
  cpuMsPerRequest: number;
  p50: number;
  p99: number;
}

const APP = join(__dirname, 'adapter-app.js');

async function run() {
  const p = params();
  const startedAt = new Date().toISOString();
  const token = new JwtService({ secret: ADAPTER_APP_SECRET }).sign({ sub: ADAPTER_APP_USER, sid: 's1' });
  const runs: Run[] = [];
  for (let r = 1; r <= p.rounds; r++) for (const adapter of ADAPTERS) runs.push(await measure(adapter, r, token, p));

  const mean = (adapter: Adapter, pick: (r: Run) => number) => {
    const mine = runs.filter((r) => r.adapter === adapter).map(pick);
    return mine.reduce((a, x) => a + x, 0) / mine.length;
  };
  const metrics: Metric[] = ADAPTERS.flatMap((adapter): Metric[] => [
    {
      name: `${adapter}: server CPU per request (mean of ${p.rounds}; each run)`,
      value: `${round(
        mean(adapter, (r) => r.cpuMsPerRequest),
        4,
      )} (${runs
        .filter((r) => r.adapter === adapter)
        .map((r) => round(r.cpuMsPerRequest, 4))
        .join(', ')})`,
      unit: 'ms',
    },
    {
      name: `${adapter}: p50 / p99 (mean of ${p.rounds})`,
      value: `${round(
        mean(adapter, (r) => r.p50),
        3,
      )} / ${round(
        mean(adapter, (r) => r.p99),
        3,
      )}`,
      unit: 'ms',
    },
  ]);
  const cpu = (a: Adapter) => mean(a, (r) => r.cpuMsPerRequest);
  metrics.push(
    { name: 'fastify ÷ express, CPU per request', value: round(cpu('fastify') / cpu('express'), 3) },
    { name: 'express − node, CPU per request (what Nest on Express adds)', value: round(cpu('express') - cpu('node'), 4), unit: 'ms' },
    { name: 'fastify − node, CPU per request (what Nest on Fastify adds)', value: round(cpu('fastify') - cpu('node'), 4), unit: 'ms' },
  );
  return {
    scenario: httpAdapters.name,
    description: httpAdapters.description,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: machine(),
    params: { requests: p.requests, concurrency: p.concurrency, warmup: p.warmup, rounds: p.rounds },
    metrics,
    details: { runs },
  };
}

async function measure(adapter: Adapter, roundNo: number, token: string, p: ReturnType<typeof params>): Promise<Run> {
  const port = await freePort();
  const server = new EngineProcess(`http-adapters-${adapter}`, APP, [adapter], { ...process.env, PORT: String(port), NODE_ENV: 'production' });
  const client = new BlocClient(`http://127.0.0.1:${port}`, p.concurrency);
  try {
    await server.lineMatching(/^listening on/, 30_000);
    await drive(client, '/api/me', token, p.warmup, p.concurrency);
    const before = cpuSnapshot({ server: server.pid }, []);
    const s = summarize(await drive(client, '/api/me', token, p.requests, p.concurrency));
    const after = cpuSnapshot({ server: server.pid }, []);
    const r: Run = { adapter, round: roundNo, cpuMsPerRequest: ((after.seconds.server - before.seconds.server) * 1000) / p.requests, p50: s.p50, p99: s.p99 };
    log(`round ${roundNo} ${adapter}: ${r.cpuMsPerRequest.toFixed(4)} ms CPU per request, p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms`);
    return r;
  } finally {
    client.close();
    await server.stop();
  }
}
