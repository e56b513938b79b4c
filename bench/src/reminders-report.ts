import { coresUsed, CpuSnapshot } from './proc';
import { Metric, ScenarioResult } from './scenario';
import { round, summarize, Summary } from './stats';

/** What the reminders scenario measured; times are epoch ms, NaN when a bounded wait gave up. */
export interface Measured {
  p: { count: number; leadS: number; windowS: number; emailWaitS: number; units: number; usersPerUnit: number; schema: string; queuePrefix: string };
  startedAt: string;
  machine: Record<string, string | number>;
  seedMs: number;
  windowStart: number;
  windowEnd: number;
  spawnAt: number;
  readyAt: number;
  scheduledAt: number;
  delayedAtScheduled: number;
  fired: number;
  allFiredAt: number;
  sent: number;
  drainedAt: number;
  smtpReceived: number;
  stopMs: number;
  /** How the worker ended when it did so before the bench stopped it; empty otherwise. */
  endedEarly: string;
  peak: { peakRssMb: number; peakRssAt: number; peakHwmMb: number; samples: number };
  /** Per reminder stored: lateness (created − due), its due time, and e-mail sent − created. */
  rows: { ms: number; dueMs: number; mailMs: number }[];
  bullmq: Record<'scheduleSkew' | 'pickupAfterFire' | 'pickupAfterDue' | 'completedAfterDue', number[]>;
  maxBacklog: number;
  maxBacklogAt: number;
  cpu: Record<'spawn' | 'scheduled' | 'window' | 'fired' | 'drained', CpuSnapshot>;
}

const s = (ms: number) => round(ms / 1000, 1);

/** Cores used per process group; `other` is the rest of the machine (other sessions, the kernel). */
function cores(c: Record<string, number>): string {
  const other = c.machine - c.worker - c.postgres - c['redis-server'] - c.bench;
  return `worker ${round(c.worker, 2)}, postgres ${round(c.postgres, 2)}, redis ${round(c['redis-server'], 2)}, bench ${round(c.bench, 2)}, other ${round(other, 2)}`;
}

const pct = (sum: Summary, name: string, keys: (keyof Summary)[], target?: number): Metric[] =>
  keys.map((k) => ({
    name: `${name} ${k}`,
    value: round(sum[k]),
    unit: 'ms',
    ...(k === 'p99' && target !== undefined ? { target: `< ${target} ms`, ok: sum.p99 < target } : {}),
  }));

/** Lateness by second of due time within the window: where in the minute the tail comes from. */
function bySecond(m: Measured): { second: number; count: number; p50: number; p99: number }[] {
  const buckets = new Map<number, number[]>();
  for (const r of m.rows) {
    const second = Math.floor((r.dueMs - m.windowStart) / 1000);
    const bucket = buckets.get(second) ?? [];
    if (bucket.length === 0) buckets.set(second, bucket);
    bucket.push(r.ms);
  }
  return [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([second, values]) => {
      const sum = summarize(values);
      return { second, count: sum.count, p50: round(sum.p50), p99: round(sum.p99) };
    });
}

export function buildResult(m: Measured): ScenarioResult {
  const { p } = m;
  const lateness = summarize(m.rows.map((r) => r.ms));
  const bull = Object.fromEntries(Object.entries(m.bullmq).map(([k, v]) => [k, summarize(v)])) as Record<keyof Measured['bullmq'], Summary>;
  const seconds = bySecond(m);
  const worst = seconds.reduce((a, b) => (b.p99 > a.p99 ? b : a), seconds[0] ?? { second: NaN, count: 0, p50: NaN, p99: NaN });
  const slowSeconds = seconds.filter((x) => x.p99 >= 1000).map((x) => x.second);
  const usage = {
    scheduling: coresUsed(m.cpu.spawn, m.cpu.scheduled),
    firing: coresUsed(m.cpu.window, m.cpu.fired),
    mailing: coresUsed(m.cpu.fired, m.cpu.drained),
  };
  const metrics: Metric[] = [
    { name: 'reminders fired (notifications stored)', value: m.fired, target: `${p.count}`, ok: m.fired >= p.count },
    ...pct(lateness, 'lateness (notification created − due)', ['p50', 'p95', 'p99', 'max'], 1000),
    { name: 'worst second of the window: p99 lateness', value: `${worst.p99} ms at +${worst.second} s` },
    { name: 'seconds of the window with p99 ≥ 1 s', value: slowSeconds.length ? `${slowSeconds.length}: +${slowSeconds.join(', +')} s` : 'none' },
    { name: 'last reminder stored after window closed', value: s(m.allFiredAt - m.windowEnd), unit: 's' },
    ...pct(bull.scheduleSkew, 'BullMQ fire time − due (set when scheduled)', ['p50', 'p99', 'max']),
    ...pct(bull.pickupAfterFire, 'BullMQ pick-up − fire time (processedOn − timestamp − delay)', ['p50', 'p99', 'max']),
    { name: 'BullMQ jobs seen (active events read / fire times)', value: `${m.bullmq.pickupAfterDue.length} / ${m.bullmq.scheduleSkew.length}` },
    { name: 'max backlog (due, not yet started)', value: `${m.maxBacklog} jobs at +${s(m.maxBacklogAt - m.windowStart)} s` },
    { name: 'worker boot (spawn → ready)', value: s(m.readyAt - m.spawnAt), unit: 's' },
    { name: `reconciler: ${p.count.toLocaleString('en-US')} delayed jobs, after ready`, value: s(m.scheduledAt - m.readyAt), unit: 's' },
    { name: 'window opened after worker spawn', value: s(m.windowStart - m.spawnAt), unit: 's' },
    { name: 'worker peak memory (VmHWM)', value: round(m.peak.peakHwmMb), unit: 'MB', target: '< 300 MB', ok: m.peak.peakHwmMb < 300 },
    { name: 'worker peak RSS reached at', value: `+${s(m.peak.peakRssAt - m.windowStart)} s from window start` },
    { name: 'cores while scheduling', value: cores(usage.scheduling) },
    { name: 'cores while firing', value: cores(usage.firing) },
    { name: 'cores while e-mails drain', value: cores(usage.mailing) },
    { name: 'worker ran until the bench stopped it', value: m.endedEarly ? `no: ${m.endedEarly}` : 'yes', ok: !m.endedEarly },
    { name: 'e-mails sent (state sent) / received by sink', value: `${m.sent} / ${m.smtpReceived}` },
    { name: 'e-mails drained, after window opened', value: s(m.drainedAt - m.windowStart), unit: 's' },
    { name: 'e-mail sent − notification created p99', value: s(summarize(m.rows.map((r) => r.mailMs).filter(Number.isFinite)).p99), unit: 's' },
  ];
  return {
    scenario: 'reminders',
    description: `${p.count.toLocaleString('en-US')} reminders due within ${p.windowS} s fire with p99 lateness under 1 s`,
    startedAt: m.startedAt,
    finishedAt: new Date().toISOString(),
    machine: m.machine,
    params: { ...p, reconcileIntervalMs: process.env.RECONCILE_INTERVAL_MS ?? 'default (60000)' },
    metrics,
    details: {
      lateness,
      bullmq: bull,
      bySecond: seconds,
      coresUsed: usage,
      memory: m.peak,
      times: {
        seedMs: m.seedMs,
        spawnToReadyMs: m.readyAt - m.spawnAt,
        readyToScheduledMs: m.scheduledAt - m.readyAt,
        delayedAtScheduled: m.delayedAtScheduled,
        windowStartAfterSpawnMs: m.windowStart - m.spawnAt,
        lastFiredAfterWindowEndMs: m.allFiredAt - m.windowEnd,
        drainedAfterWindowStartMs: m.drainedAt - m.windowStart,
        workerStopMs: m.stopMs,
      },
    },
  };
}
