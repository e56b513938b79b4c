import type { Params } from './consolidation';
import type { SeededBloc } from './consolidation-seed';
import { coresUsed, CpuSnapshot } from './proc';
import { Metric, ScenarioResult } from './scenario';
import { round } from './stats';

export interface RequestResult {
  status: number;
  headersMs: number;
  totalMs: number;
  bytes: number;
  error?: string;
  check?: string;
}

export interface FlowTimes {
  parent: { timestamp: number; processedOn: number; finishedOn: number; attemptsMade: number; failedReason: string };
  children: {
    count: number;
    inRedis: number;
    finished: number;
    firstTimestamp: number;
    lastTimestamp: number;
    firstProcessedOn: number;
    lastFinishedOn: number;
  };
}

type Peak = { peakRssMb: number; peakRssAt: number; peakHwmMb: number; samples: number };

/** What the consolidation scenario measured; times are epoch ms, NaN when a bounded wait gave up. */
export interface Measured {
  p: Params;
  startedAt: string;
  machine: Record<string, string | number>;
  seedMs: number;
  bloc: SeededBloc;
  api: { spawnAt: number; readyAt: number; bootHwmMb: number; afterJsonHwmMb: number; afterDocxHwmMb: number; peak: Peak; ended: string };
  worker: { spawnAt: number; readyAt: number; readyHwmMb: number; collectedHwmMb: number; peak: Peak; ended: string };
  /** seenAt: when the bench saw the row committed as collected; collectedAt: the row's collected_at (now() of the collecting transaction, i.e. its start). */
  collection: { seenAt: number; flowSeenAt: number; status: string; collectedAt: number; included: number; missing: number };
  flow: FlowTimes;
  login: RequestResult;
  json: RequestResult;
  docx: RequestResult;
  cpu: Record<'spawn' | 'collected' | 'beforeJson' | 'afterJson' | 'afterDocx', CpuSnapshot>;
  diagnosis: { membersFetchedMs: number; membersRows: number; membersServerOnlyMs: number; membersTextMb: number; explain: string[] };
  smtpReceived: number;
}

const TARGET_MS = 10_000;
const MEMORY_MB = 300;
const s = (ms: number) => round(ms / 1000, 2);
const mb = (bytes: number) => round(bytes / 2 ** 20, 1);

function cores(c: Record<string, number>): string {
  const other = c.machine - c.api - c.worker - c.postgres - c['redis-server'] - c.bench;
  return `api ${round(c.api, 2)}, worker ${round(c.worker, 2)}, postgres ${round(c.postgres, 2)}, redis ${round(c['redis-server'], 2)}, bench ${round(c.bench, 2)}, other ${round(other, 2)}`;
}

function request(name: string, r: RequestResult, target: boolean): Metric[] {
  const ok = r.status === 200 && !r.error && r.totalMs < TARGET_MS;
  return [
    {
      name: `${name}: time`,
      value: r.error ? `failed: ${r.error}` : r.status !== 200 ? `HTTP ${r.status}` : s(r.totalMs),
      unit: r.error || r.status !== 200 ? undefined : 's',
      ...(target ? { target: '< 10 s', ok } : {}),
    },
    { name: `${name}: time to response headers`, value: s(r.headersMs), unit: Number.isFinite(r.headersMs) ? 's' : undefined },
    { name: `${name}: size`, value: mb(r.bytes), unit: 'MB' },
    ...(r.check ? [{ name: `${name}: content`, value: r.check, ok: r.status === 200 && !r.error && /^(right|a zip)/.test(r.check) }] : []),
  ];
}

export function buildResult(m: Measured): ScenarioResult {
  const { p, bloc, flow, collection: c } = m;
  const readyToCollected = c.seenAt - m.worker.readyAt;
  const collectOk = c.status === 'collected' && c.included === bloc.reports && readyToCollected < TARGET_MS;
  const usage = {
    collection: coresUsed(m.cpu.spawn, m.cpu.collected),
    json: coresUsed(m.cpu.beforeJson, m.cpu.afterJson),
    docx: coresUsed(m.cpu.afterJson, m.cpu.afterDocx),
  };
  const apiPeak = Math.max(m.api.peak.peakHwmMb, m.api.afterDocxHwmMb || 0);
  const workerPeak = Math.max(m.worker.peak.peakHwmMb, m.worker.collectedHwmMb || 0);
  const metrics: Metric[] = [
    {
      name: 'reports consolidated (approved, at consolidation)',
      value: `${bloc.reports.toLocaleString('en-US')} (${Object.entries(bloc.kinds)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')})`,
    },
    {
      name: 'text per part (10 sections × 5 parts per report)',
      value: `${bloc.partChars.avg} chars avg, ${bloc.partChars.max} max; ${bloc.partChars.parts.toLocaleString('en-US')} parts`,
    },
    { name: 'reports table (with TOAST) / snapshots table', value: `${round(bloc.reportsTableMb)} MB / ${round(bloc.snapshotsTableMb)} MB` },
    { name: 'seeding (SQL)', value: s(m.seedMs), unit: 's' },
    // (a)
    {
      name: '(a) consolidation flow: worker ready → root collected',
      value: c.status === 'collected' ? s(readyToCollected) : `not collected (${m.worker.ended || c.status})`,
      unit: c.status === 'collected' ? 's' : undefined,
      target: '< 10 s',
      ok: collectOk,
    },
    { name: '(a) included / missing in the consolidations row', value: `${c.included} / ${c.missing}`, ok: c.included === bloc.reports && c.missing === 0 },
    { name: '(a) worker spawn → ready', value: s(m.worker.readyAt - m.worker.spawnAt), unit: 's' },
    { name: '(a) worker spawn → collected', value: s(c.seenAt - m.worker.spawnAt), unit: 's' },
    {
      name: `(a) flow (1 + ${flow.children.count.toLocaleString('en-US')} jobs) seen in Redis, after worker ready`,
      value: s(c.flowSeenAt - m.worker.readyAt),
      unit: 's',
    },
    { name: '(a) flow: job timestamps (creation) − worker ready', value: s(flow.parent.timestamp - m.worker.readyAt), unit: 's' },
    {
      name: '(a) children: first picked up → last finished',
      value: `${s(flow.children.lastFinishedOn - flow.children.firstProcessedOn)} s (${flow.children.finished} finished)`,
    },
    { name: '(a) flow seen → last child finished', value: s(flow.children.lastFinishedOn - c.flowSeenAt), unit: 's' },
    { name: '(a) last child finished → parent picked up', value: s(flow.parent.processedOn - flow.children.lastFinishedOn), unit: 's' },
    { name: '(a) parent picked up → collected row committed (build + store)', value: s(c.seenAt - flow.parent.processedOn), unit: 's' },
    { name: '(a) parent attempts / failure', value: `${flow.parent.attemptsMade}${flow.parent.failedReason ? `: ${flow.parent.failedReason}` : ''}` },
    { name: '(a) cores, worker spawn → collected', value: cores(usage.collection) },
    // (b), (c)
    ...request('(b) GET /api/plans/:id/consolidated', m.json, true),
    { name: '(b) cores', value: cores(usage.json) },
    ...request('(c) GET /api/plans/:id/consolidated.docx', m.docx, true),
    { name: '(c) cores', value: cores(usage.docx) },
    // (d)
    { name: '(d) API peak memory (VmHWM)', value: round(apiPeak), unit: 'MB', target: `< ${MEMORY_MB} MB`, ok: apiPeak < MEMORY_MB },
    {
      name: '(d) API VmHWM after boot / after (b) / after (c)',
      value: `${round(m.api.bootHwmMb)} / ${round(m.api.afterJsonHwmMb)} / ${round(m.api.afterDocxHwmMb)} MB`,
    },
    { name: '(d) worker peak memory (VmHWM)', value: round(workerPeak), unit: 'MB', target: `< ${MEMORY_MB} MB`, ok: workerPeak < MEMORY_MB },
    { name: '(d) worker VmHWM at ready / after collection', value: `${round(m.worker.readyHwmMb)} / ${round(m.worker.collectedHwmMb)} MB` },
    {
      name: 'api and worker ran until the bench stopped them',
      value: [m.api.ended, m.worker.ended].filter(Boolean).join('; ') || 'yes',
      ok: !m.api.ended && !m.worker.ended,
    },
    // diagnosis
    { name: 'members() query fetched by node-postgres (bench)', value: `${s(m.diagnosis.membersFetchedMs)} s, ${m.diagnosis.membersRows} rows` },
    { name: 'members() rows serialised in PostgreSQL only', value: `${s(m.diagnosis.membersServerOnlyMs)} s, ${round(m.diagnosis.membersTextMb)} MB of text` },
    { name: 'members() EXPLAIN ANALYZE execution', value: m.diagnosis.explain.find((l) => l.startsWith('Execution Time')) ?? 'n/a' },
  ];
  return {
    scenario: 'consolidation',
    description: `the root consolidates ${bloc.reports.toLocaleString('en-US')} approved reports: flow, JSON and .docx each under 10 s, API and worker under 300 MB`,
    startedAt: m.startedAt,
    finishedAt: new Date().toISOString(),
    machine: m.machine,
    params: { ...p, units: p.units },
    metrics,
    details: {
      bloc,
      flow,
      collection: c,
      api: m.api,
      worker: m.worker,
      login: m.login,
      json: m.json,
      docx: m.docx,
      coresUsed: usage,
      diagnosis: m.diagnosis,
      smtpReceived: m.smtpReceived,
      times: {
        seedMs: m.seedMs,
        apiSpawnToReadyMs: m.api.readyAt - m.api.spawnAt,
        workerSpawnToReadyMs: m.worker.readyAt - m.worker.spawnAt,
        readyToFlowSeenMs: c.flowSeenAt - m.worker.readyAt,
        readyToCollectedMs: readyToCollected,
        collectedAtMinusReadyMs: c.collectedAt - m.worker.readyAt,
        parentProcessedToCollectedAtMs: c.collectedAt - flow.parent.processedOn,
      },
    },
  };
}
