import type { BlocParams } from './bloc';
import type { DriveFigures, LagFigures } from './bloc-drive';
import type { FinishFigures } from './bloc-finish';
import type { ImportFigures, LaunchFigures } from './bloc-setup';
import type { Ceilings } from './ceilings';
import type { OpenLoopFigures, OpenLoopKind } from './bloc-open-loop';
import type { WaitShares } from './lock-sampler';
import { perUnitSql, SqlDelta } from './sql-counts';
import { coresUsed, CpuSnapshot } from './proc';
import { Metric, ScenarioResult } from './scenario';
import { round, summarize, Summary } from './stats';

export interface BlocMeasured {
  p: BlocParams;
  startedAt: string;
  machine: Record<string, string | number>;
  counts: Record<string, number>;
  usersTotal: number;
  imported: ImportFigures;
  launch: LaunchFigures;
  session: { login: Summary; loginWallMs: number; sample: number };
  driven: DriveFigures;
  lags: LagFigures;
  breakdown: Record<'relay' | 'queued' | 'worker', number[]>;
  finished: FinishFigures;
  maxBacklog: number;
  /** VmHWM (MB) of each process after each phase. */
  hwm: Record<string, Record<string, number>>;
  latencies: Map<string, number[]>;
  statuses: Map<string, number>;
  peaks: Record<string, { peakHwmMb: number; peakRssMb: number }>;
  ended: string[];
  cpu: Record<'import' | 'launch' | 'drive' | 'finish', [CpuSnapshot, CpuSnapshot]>;
  ceilings: Ceilings;
  /** SQL statements the engine's processes sent during the drive; pg_stat_statements' calls when it is loaded. */
  sql: { drive: SqlDelta; pgStatStatementsCalls?: number };
  /** The engine's backends' waits in the drive, sampled. */
  lockWaits: WaitShares;
  open?: OpenLoopFigures;
}

/** The targets, in one place: the issue "Fast on a small server" (held at 2,000 and at 10,000 units), and the earlier launch and consolidation ones. */
export const TARGETS = {
  launchS: 15,
  consolidationS: 10,
  /** API + workers + PostgreSQL + Redis, CPU milliseconds per transition in the drive. */
  engineCpuPerTransitionMs: 10,
  ratioOfSql: 0.2,
  inboxP99Ms: 50,
  /** The open-loop arrival rate at which the inbox's p99 is judged. */
  inboxRate: 1000,
  memoryMb: 300,
  sqlPerTransition: 15,
  lockShare: 0.1,
  lagP99Ms: 100,
  cheapGetApiCpuMs: 0.35,
};

/** The statements listed one by one under the drive's totals, most sent first. */
const TOP_STATEMENTS = 20;

const s = (ms: number) => round(ms / 1000, 2);

function cores(c: Record<string, number>): string {
  const known = ['api', 'worker1', 'worker2', 'postgres', 'redis-server', 'bench'];
  const other = c.machine - known.reduce((a, k) => a + (c[k] || 0), 0);
  return `api ${round(c.api, 2)}, workers ${round(c.worker1, 2)} + ${round(c.worker2, 2)}, postgres ${round(c.postgres, 2)}, redis ${round(c['redis-server'], 2)}, bench ${round(c.bench, 2)}, other ${round(other, 2)} (of 2)`;
}

/** CPU milliseconds per unit of work over a phase, by process group. */
function perUnit(c: Record<string, number>, seconds: number, count: number): string {
  const ms = (k: string) => round(((c[k] || 0) * seconds * 1000) / count, 2);
  const known = ['api', 'worker1', 'worker2', 'postgres', 'redis-server', 'bench'];
  const other = ((c.machine - known.reduce((a, k) => a + (c[k] || 0), 0)) * seconds * 1000) / count;
  return `all ${ms('machine')}: api ${ms('api')}, workers ${round(ms('worker1') + ms('worker2'), 2)}, postgres ${ms('postgres')}, redis ${ms('redis-server')}, bench ${ms('bench')}, other ${round(other, 2)}`;
}

const pcts = (name: string, values: number[] | undefined, target?: number): Metric[] => {
  const sum = summarize(values ?? []);
  return [
    { name: `${name} p50`, value: round(sum.p50, 1), unit: 'ms' },
    { name: `${name} p99`, value: round(sum.p99, 1), unit: 'ms', ...(target !== undefined ? { target: `< ${target} ms`, ok: sum.p99 < target } : {}) },
  ];
};

export function buildResult(m: BlocMeasured): ScenarioResult {
  const { p, imported: im, launch, driven, lags, finished: f, ceilings: c } = m;
  const driveS = (driven.allAtConsolidationAt - driven.startedAt) / 1000;
  const tps = lags.transitions / driveS;
  const usage = Object.fromEntries(Object.entries(m.cpu).map(([k, [a, b]]) => [k, coresUsed(a, b)]));
  const lat = (label: string) => m.latencies.get(label);
  const memory = Object.entries(m.peaks).map(([name, peak]): Metric => ({
    name: `${name.replace('bloc-', '')} peak memory (VmHWM)`,
    value: round(peak.peakHwmMb),
    unit: 'MB',
  }));
  const moves = Object.entries(lags.byMove).map(([move, values]): Metric => {
    const sum = summarize(values);
    return { name: `  lag ${move} (${sum.count})`, value: `p50 ${round(sum.p50)} ms, p99 ${round(sum.p99)} ms, max ${round(sum.max)} ms` };
  });
  const non2xx = [...m.statuses.entries()].filter(([k]) => !/ 2\d\d$/.test(k)).map(([k, n]) => `${k}: ${n}`);
  const metrics: Metric[] = [
    ...targetRows(m, tps, usage.drive, driveS),
    {
      name: 'units (reports) / users',
      value: `${p.units.toLocaleString('en-US')} (${Object.entries(m.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}) / ${m.usersTotal.toLocaleString('en-US')}`,
    },
    { name: 'load average (1 min) at start', value: m.machine.loadAverage1mAtStart },
    // import
    { name: 'import: units over HTTP', value: `${s(im.unitsMs)} s (${im.unitChunks} request(s))` },
    {
      name: 'import: users over HTTP (argon2 hash each)',
      value: im.usersHttp
        ? `${im.usersHttp.toLocaleString('en-US')} in ${s(im.usersHttpMs)} s = ${round(im.usersHttp / (im.usersHttpMs / 1000))}/s (${im.userChunks} requests)`
        : 'none',
    },
    ...(im.usersSql
      ? [{ name: 'import: users written with SQL instead (BENCH_BLOC_HTTP_USERS)', value: `${im.usersSql.toLocaleString('en-US')} in ${s(im.usersSqlMs)} s` }]
      : []),
    { name: 'import: cores', value: cores(usage.import) },
    // launch
    {
      name: 'launch: POST → every report and drafting task exists',
      value: s(launch.visibleMs),
      unit: 's',
      target: `< ${TARGETS.launchS} s`,
      ok: launch.visibleMs < TARGETS.launchS * 1000,
    },
    {
      name: 'launch: POST → 202 / → launch job finished (reminders, flows)',
      value: `${launch.requestMs} ms / ${s(launch.jobFinishedMs)} s (${launch.delayedReminders.toLocaleString('en-US')} reminder jobs)`,
    },
    { name: 'launch: cores', value: cores(usage.launch) },
    {
      name: `login over HTTP (${m.session.sample} users, 10 at once; others signed by the bench)`,
      value: `p50 ${round(m.session.login.p50)} ms, p99 ${round(m.session.login.p99)} ms, ${round(m.session.sample / (m.session.loginWallMs / 1000))}/s`,
    },
    // drive
    { name: `drive: ${p.users} simulated users${p.thinkMs ? ` (think ${p.thinkMs} ms)` : ''}, wall time`, value: round(driveS, 1), unit: 's' },
    { name: 'drive: HTTP requests / rate', value: `${driven.requests.toLocaleString('en-US')} / ${round(driven.requests / driveS)} per s` },
    { name: 'drive: reports returned once and resubmitted', value: driven.returned },
    { name: 'drive: stage transitions applied', value: lags.transitions },
    { name: 'end-to-end transitions per second (drive)', value: round(tps, 1), unit: '/s' },
    { name: 'transitions per second, busiest 10 s', value: round(lags.peak10s, 1), unit: '/s' },
    {
      name: 'ceiling: bare SQL transition (same writes, 1 transaction)',
      value: `${round(c.sql.perS)}/s (${c.sql.clients} clients, p50 ${round(c.sql.latency.p50, 1)} ms)`,
    },
    { name: 'ceiling: no-op BullMQ jobs', value: `${round(c.bullmq.jobsPerS)}/s (concurrency ${c.bullmq.concurrency})` },
    { name: 'CPU per transition in the drive (ms of one core)', value: perUnit(usage.drive, driveS, lags.transitions) },
    { name: 'CPU per HTTP request in the drive (ms of one core)', value: perUnit(usage.drive, driveS, driven.requests) },
    { name: 'CPU per bare SQL transition (ms, both cores busy)', value: round((2 * 1000) / c.sql.perS, 2) },
    { name: 'transitions/s ÷ bare SQL ceiling', value: round(tps / c.sql.perS, 3) },
    { name: 'SQL statements per transition in the drive (all; by process; by kind)', value: perUnitSql(m.sql.drive, lags.transitions) },
    { name: 'SQL statements per HTTP request in the drive', value: perUnitSql(m.sql.drive, driven.requests) },
    ...m.sql.drive.byStatement.slice(0, TOP_STATEMENTS).map((s) => ({
      name: `  per transition: ${s.statement.slice(0, 100)}`,
      value: round(s.count / lags.transitions, 2),
    })),
    {
      name: 'pg_stat_statements: calls by the engine role per transition',
      value:
        m.sql.pgStatStatementsCalls === undefined
          ? 'not loaded (shared_preload_libraries): counted in the processes instead'
          : `${round(m.sql.pgStatStatementsCalls / lags.transitions, 2)} (role-wide, other users of the role included)`,
    },
    {
      name: `PostgreSQL waits in the drive (${m.lockWaits.samples} samples, ${m.lockWaits.activeBackendSamples} active backends seen)`,
      value: waitShares(m.lockWaits),
    },
    {
      name: 'lock waits in the drive by waiting statement ⇐ its first blocker (top 5, share of lock-waiting samples)',
      value: topWaiters(m.lockWaits),
    },
    { name: 'transitions/s ÷ no-op BullMQ ceiling', value: round(tps / c.bullmq.jobsPerS, 3) },
    { name: 'busiest 10 s ÷ bare SQL ceiling', value: round(lags.peak10s / c.sql.perS, 3) },
    ...pcts('task completion (POST complete) latency', lat('complete')),
    ...pcts('inbox listing (GET /api/tasks) latency', lat('inbox')),
    ...pcts('section edit (PUT) latency', lat('PUT section')),
    ...pcts('submit latency', lat('submit')),
    ...pcts('decision → next stage (audit timestamps)', lags.all),
    ...moves,
    {
      name: `  lag parts (${m.breakdown.relay.length} kept jobs): decision → job in Redis / → picked up / → transition written`,
      value:
        (['relay', 'queued', 'worker'] as const)
          .map((k) => {
            const x = summarize(m.breakdown[k]);
            return `p50 ${round(x.p50)} p99 ${round(x.p99)}`;
          })
          .join(' / ') + ' ms',
    },
    ...pcts('decision 202 → move seen by the bench (25 ms poll)', driven.observedLagMs),
    { name: 'inbox reads without the task yet (retried)', value: driven.inboxMisses },
    { name: 'max transitions queue backlog (wait + active)', value: m.maxBacklog },
    { name: 'answers other than 2xx', value: non2xx.length ? non2xx.join('; ') : 'none', ok: non2xx.length === 0 },
    { name: 'drive: cores', value: cores(usage.drive) },
    // finish
    { name: 'consolidation: last report arrives → root collected (flow)', value: `${s(f.collectedAfterLastMs)} s (${f.collectedIncluded} included)` },
    {
      name: `consolidation: working group completes → ${p.units.toLocaleString('en-US')} reports done`,
      value: s(f.consolidateMs),
      unit: 's',
      target: `< ${TARGETS.consolidationS} s`,
      ok: f.consolidateMs < TARGETS.consolidationS * 1000,
    },
    { name: 'Standing Committee approves → plan completed', value: `${s(f.rootApprovalMs)} s (${f.planStatus})`, ok: f.planStatus === 'completed' },
    { name: 'finish: cores', value: cores(usage.finish) },
    ...(m.open ? openLoopRows(m.open) : []),
    ...memory,
    {
      name: 'VmHWM after boot / import / launch / drive / finish / open loop (MB)',
      value: Object.keys(m.hwm.boot ?? {})
        .map((proc) => `${proc} ${['boot', 'import', 'launch', 'drive', 'finish', 'open loop'].map((ph) => m.hwm[ph]?.[proc] ?? '-').join('/')}`)
        .join('; '),
    },
    { name: 'engine processes ran until stopped', value: m.ended.length ? m.ended.join('; ') : 'yes', ok: m.ended.length === 0 },
  ];
  return {
    scenario: 'bloc',
    description: `a Bloc of ${p.units.toLocaleString('en-US')} units imported, launched and driven through every stage over HTTP by ${p.users} simulated users (API + 2 workers), against the machine's ceilings`,
    startedAt: m.startedAt,
    finishedAt: new Date().toISOString(),
    machine: m.machine,
    params: { ...p, openLoopRates: p.openLoopRates.join(',') },
    metrics,
    details: {
      imported: im,
      launch,
      session: m.session,
      finished: f,
      ceilings: c,
      coresUsed: usage,
      peaks: m.peaks,
      hwm: m.hwm,
      maxBacklog: m.maxBacklog,
      latencies: Object.fromEntries([...m.latencies.entries()].map(([k, v]) => [k, summarize(v)])),
      statuses: Object.fromEntries(m.statuses),
      lag: summarize(lags.all),
      lagParts: Object.fromEntries(Object.entries(m.breakdown).map(([k, v]) => [k, summarize(v)])),
      lagByMove: Object.fromEntries(Object.entries(lags.byMove).map(([k, v]) => [k, summarize(v)])),
      observedLag: summarize(driven.observedLagMs),
      sql: m.sql,
      lockWaits: m.lockWaits,
      openLoop: m.open,
      drive: { ...driven, observedLagMs: undefined, seconds: driveS, transitions: lags.transitions, transitionsPerS: tps, peak10s: lags.peak10s },
    },
  };
}

/** A row of the targets' table: the measured value, the target, their ratio and the verdict. */
function judged(name: string, value: number, unit: string, compare: '<' | '≤' | '≥', target: number, digits = 2): Metric {
  const ok = compare === '<' ? value < target : compare === '≤' ? value <= target : value >= target;
  return { name, value: round(value, digits), unit, target: `${compare} ${target}${unit ? ` ${unit}` : ''}`, ok, ratio: value / target };
}

/** The issue's targets first, each with its measured value, the ratio of the two and the verdict. */
function targetRows(m: BlocMeasured, tps: number, drive: Record<string, number>, driveS: number): Metric[] {
  const { lags, ceilings: c, open } = m;
  const engine = ['api', 'worker1', 'worker2', 'postgres', 'redis-server'].reduce((a, k) => a + (drive[k] || 0), 0);
  const inbox = open?.kinds.find((k) => k.kind.startsWith('inbox'));
  const atRate = inbox?.rates.find((r) => r.rate === TARGETS.inboxRate);
  const me = open?.kinds.find((k) => k.kind.startsWith('GET /api/me'));
  const peak = Math.max(...Object.values(m.peaks).map((x) => x.peakHwmMb));
  return [
    judged(
      'target: engine CPU per transition in the drive (API + workers + PostgreSQL + Redis)',
      (engine * driveS * 1000) / lags.transitions,
      'ms',
      '≤',
      TARGETS.engineCpuPerTransitionMs,
    ),
    judged('target: transitions/s ÷ the in-run bare SQL ceiling', tps / c.sql.perS, '', '≥', TARGETS.ratioOfSql, 3),
    {
      ...judged(
        `target: inbox p99 at an open-loop ${TARGETS.inboxRate.toLocaleString('en-US')} requests/s`,
        atRate?.p99 ?? NaN,
        'ms',
        '<',
        TARGETS.inboxP99Ms,
        1,
      ),
      ...(atRate ? {} : { value: `not reached (${inbox?.stopped ?? 'no open-loop phase'})`, unit: undefined }),
    },
    judged('target: every process peak memory (VmHWM, highest)', peak, 'MB', '<', TARGETS.memoryMb, 0),
    judged(
      'target: SQL statements per transition in the drive (BEGIN/COMMIT included)',
      m.sql.drive.total / lags.transitions,
      '',
      '≤',
      TARGETS.sqlPerTransition,
      1,
    ),
    judged('target: lock waits, share of PostgreSQL time in the drive (sampled)', m.lockWaits.lockShare * 100, '%', '<', TARGETS.lockShare * 100, 1),
    judged('target: decision → next stage p99 in the drive', summarize(lags.all).p99, 'ms', '<', TARGETS.lagP99Ms, 1),
    judged('target: API CPU per cheap authenticated GET (/api/me, open loop)', me?.cpuMsPerRequest.api ?? NaN, 'ms', '<', TARGETS.cheapGetApiCpuMs, 3),
  ];
}

function waitShares(w: WaitShares): string {
  const shares = Object.entries(w.byWaitType)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k === 'none' ? 'running' : k} ${round((100 * n) / w.activeBackendSamples, 1)}%`);
  return shares.length ? shares.join(', ') : 'no active backend seen';
}

function topWaiters(w: WaitShares): string {
  const total = Object.values(w.byWaiter ?? {}).reduce((a, n) => a + n, 0);
  const top = Object.entries(w.byWaiter ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k, n]) => `${round((100 * n) / total, 1)}% ${k}`);
  return top.length ? top.join(' | ') : 'none';
}

/** Per kind: a line per rate (sent, p50, p99, errors), the highest rate under the p99 target, and the cost per request. */
function openLoopRows(open: OpenLoopFigures): Metric[] {
  const cost = (k: OpenLoopKind) => {
    const c = k.cpuMsPerRequest;
    const engine = ['api', 'worker1', 'worker2', 'postgres', 'redis-server'].reduce((a, x) => a + (c[x] || 0), 0);
    return `CPU ms: api ${round(c.api, 3)}, workers ${round((c.worker1 || 0) + (c.worker2 || 0), 3)}, postgres ${round(c.postgres, 3)}, redis ${round(c['redis-server'], 3)} (engine ${round(engine, 3)}), bench ${round(c.bench, 3)}; SQL statements ${perUnitSql(k.sql, k.requests)}; lock waits ${round(100 * k.locks.lockShare, 1)}%`;
  };
  return open.kinds.flatMap((k): Metric[] => [
    ...k.rates.map((r) => ({
      name: `open loop ${k.kind} at ${r.rate.toLocaleString('en-US')}/s`,
      value: `${r.sent.toLocaleString('en-US')} sent, p50 ${round(r.p50, 1)} ms, p99 ${round(r.p99, 1)} ms, ${r.errors} errors${r.errors ? ` (${JSON.stringify(r.statuses)})` : ''}`,
    })),
    {
      name: `open loop ${k.kind}: highest rate with p99 < ${TARGETS.inboxP99Ms} ms`,
      value: `${k.bestRate ? `${k.bestRate.toLocaleString('en-US')}/s` : 'none'}${k.stopped ? ` (stopped: ${k.stopped})` : ''}`,
    },
    { name: `open loop ${k.kind}: per request (${k.requests.toLocaleString('en-US')})`, value: cost(k) },
  ]);
}
