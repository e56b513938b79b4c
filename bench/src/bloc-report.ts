import type { BlocParams } from './bloc';
import type { DriveFigures, LagFigures } from './bloc-drive';
import type { FinishFigures } from './bloc-finish';
import type { ImportFigures, LaunchFigures } from './bloc-setup';
import type { Ceilings } from './ceilings';
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
}

/** The issue's targets, in one place. */
export const TARGETS = { launchS: 15, ratioOfSql: 0.4, inboxP99Ms: 50, lagP99Ms: 500, reminderP99Ms: 1000, consolidationS: 10, memoryMb: 300 };

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
    target: `< ${TARGETS.memoryMb} MB`,
    ok: peak.peakHwmMb < TARGETS.memoryMb,
  }));
  const moves = Object.entries(lags.byMove).map(([move, values]): Metric => {
    const sum = summarize(values);
    return { name: `  lag ${move} (${sum.count})`, value: `p50 ${round(sum.p50)} ms, p99 ${round(sum.p99)} ms, max ${round(sum.max)} ms` };
  });
  const non2xx = [...m.statuses.entries()].filter(([k]) => !/ 2\d\d$/.test(k)).map(([k, n]) => `${k}: ${n}`);
  const metrics: Metric[] = [
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
    {
      name: 'transitions/s ÷ bare SQL ceiling',
      value: round(tps / c.sql.perS, 3),
      target: `≥ ${TARGETS.ratioOfSql}`,
      ok: tps / c.sql.perS >= TARGETS.ratioOfSql,
    },
    { name: 'transitions/s ÷ no-op BullMQ ceiling', value: round(tps / c.bullmq.jobsPerS, 3) },
    { name: 'busiest 10 s ÷ bare SQL ceiling', value: round(lags.peak10s / c.sql.perS, 3) },
    ...pcts('task completion (POST complete) latency', lat('complete')),
    ...pcts('inbox listing (GET /api/tasks) latency', lat('inbox'), TARGETS.inboxP99Ms),
    ...pcts('section edit (PUT) latency', lat('PUT section')),
    ...pcts('submit latency', lat('submit')),
    ...pcts('decision → next stage (audit timestamps)', lags.all, TARGETS.lagP99Ms),
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
    ...memory,
    {
      name: 'VmHWM after boot / import / launch / drive / finish (MB)',
      value: Object.keys(m.hwm.boot ?? {})
        .map((proc) => `${proc} ${['boot', 'import', 'launch', 'drive', 'finish'].map((ph) => m.hwm[ph]?.[proc] ?? '?').join('/')}`)
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
    params: { ...p },
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
      drive: { ...driven, observedLagMs: undefined, seconds: driveS, transitions: lags.transitions, transitionsPerS: tps, peak10s: lags.peak10s },
    },
  };
}
