import { ENGINE, EngineProcess, migrate } from './child';
import { log } from './log';
import { pollUntil, sleep } from './poll';
import { cpuSnapshot, MemorySampler } from './proc';
import { machine } from './results';
import { buildResult, Measured } from './reminders-report';
import { seedOrganisation, seedTasks } from './reminders-seed';
import { QueueWatch } from './queue-watch';
import { Scenario } from './scenario';
import { envInt, pgPool, sandbox } from './settings';
import { SmtpSink } from './smtp-sink';

/** 100,000 reminders due within one minute fire with p99 lateness under 1 s; the worker's peak memory. */
export const reminders: Scenario = {
  name: 'reminders',
  description: 'reminders due within one window fire on time, from one worker that schedules them at start',
  run,
};

const params = () => ({
  count: envInt('BENCH_REMINDERS', 100_000),
  /** From the end of seeding to the first due date: the worker boots and schedules meanwhile. */
  leadS: envInt('BENCH_REMINDERS_LEAD_S', 30),
  windowS: envInt('BENCH_REMINDERS_WINDOW_S', 60),
  emailWaitS: envInt('BENCH_EMAIL_WAIT_S', 300),
  units: 100,
  usersPerUnit: 10,
  schema: 'bench_reminders',
  queuePrefix: '{bench-reminders}',
});

/** Reminder job ids end with the due time in epoch ms: reminder-<task>-<offset>-<due>. */
const dueOfReminderJob = (jobId: string) => (jobId.startsWith('reminder-') ? Number(jobId.slice(jobId.lastIndexOf('-') + 1)) : undefined);

async function run() {
  const p = params();
  const startedAt = new Date().toISOString();
  const host = machine();
  const sink = new SmtpSink();
  const smtpPort = await sink.start();
  const env = await sandbox(p.schema, p.queuePrefix, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_SECURE: 'false' });
  await migrate(env);
  const pool = pgPool(p.schema, 2);
  const watch = new QueueWatch(p.queuePrefix, 'reminders', dueOfReminderJob);
  let worker: EngineProcess | undefined;
  let memory: MemorySampler | undefined;
  try {
    log(`schema ${p.schema} migrated; seeding ${p.units} units, ${p.units * p.usersPerUnit} users and ${p.count.toLocaleString()} tasks`);
    const planId = await seedOrganisation(pool, p.units, p.usersPerUnit);
    const seedStart = Date.now();
    const windowStart = seedStart + p.leadS * 1000;
    const windowEnd = windowStart + p.windowS * 1000;
    await seedTasks(pool, planId, p.count, new Date(windowStart), p.windowS * 1000);
    const seedMs = Date.now() - seedStart;
    await watch.ready();

    // With the V8 cap docs/operations.md recommends for production workers (BENCH_WORKER_NODE_OPTIONS, as in scenario bloc).
    const workerOptions = process.env.BENCH_WORKER_NODE_OPTIONS ?? '--max-old-space-size=192';
    worker = new EngineProcess('worker', ENGINE.worker, [], { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} ${workerOptions}`.trim() });
    memory = new MemorySampler(worker.pid, 200);
    const pids = { worker: worker.pid, bench: process.pid };
    const cpuAtSpawn = cpuSnapshot(pids);
    log(
      `seeded in ${(seedMs / 1000).toFixed(1)} s; worker pid ${worker.pid} started, log ${worker.logPath}; window opens in ${((windowStart - Date.now()) / 1000).toFixed(1)} s`,
    );
    const readyAt = await worker.lineMatching(/worker started/, 60_000);
    const scheduledAt = await pollUntil(
      async () => {
        if ((await watch.delayedCount()) >= p.count) return Date.now();
        return Date.now() > windowStart ? NaN : undefined;
      },
      windowStart - Date.now() + 1000,
      100,
    );
    const cpuAtScheduled = cpuSnapshot(pids);
    const delayedAtScheduled = await watch.delayedCount();
    log(
      `reconciler: ${delayedAtScheduled.toLocaleString()} delayed jobs ${Number.isFinite(scheduledAt) ? `${((scheduledAt! - readyAt) / 1000).toFixed(1)} s after ready` : 'NOT all before the window opened'}`,
    );
    await watch.snapshotFireTimes();

    await sleep(windowStart - Date.now());
    const cpuAtWindow = cpuSnapshot(pids);
    const backlog = setInterval(() => void watch.sampleBacklog().catch(() => undefined), 250);
    const countReminders = async () => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'reminder'`)).rows[0].n;
    let fired = 0;
    const allFiredAt = await pollUntil(
      async () => {
        fired = await countReminders();
        if (!worker!.running) throw new Error(`the worker exited (${worker!.exitReason}); see ${worker!.logPath}`);
        return fired >= p.count ? Date.now() : undefined;
      },
      windowEnd - Date.now() + 120_000,
      250,
    );
    clearInterval(backlog);
    const cpuAtFired = cpuSnapshot(pids);
    log(
      `${fired.toLocaleString()} reminders stored${allFiredAt ? `, the last ${((allFiredAt - windowEnd) / 1000).toFixed(1)} s after the window closed` : ' (timed out)'}; waiting for e-mails`,
    );

    let sent = 0;
    const drainedAt = await pollUntil(
      async () => {
        sent = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE email_state = 'sent'`)).rows[0].n;
        if (!worker!.running) return NaN; // reported below with how it ended
        return sent >= fired ? Date.now() : undefined;
      },
      p.emailWaitS * 1000,
      1000,
    );
    const cpuAtDrained = cpuSnapshot(pids);
    memory.sample();
    const endedEarly = worker.running ? '' : `${worker.exitReason} before the bench stopped it, at ${new Date().toISOString()}`;
    const stopMs = await worker.stop();
    const peak = memory.stop();
    log(`${sent.toLocaleString()} e-mails sent (${sink.received.toLocaleString()} received by the sink); worker stopped`);

    const { rows } = await pool.query<{ ms: number; due_ms: number; mail_ms: number | null }>(
      `SELECT extract(epoch FROM n.created_at - t.due_at) * 1000 AS ms, extract(epoch FROM t.due_at) * 1000 AS due_ms,
              extract(epoch FROM n.emailed_at - n.created_at) * 1000 AS mail_ms
         FROM notifications n JOIN tasks t ON t.id = n.task_id WHERE n.kind = 'reminder'`,
    );
    const measured: Measured = {
      p,
      startedAt,
      machine: host,
      seedMs,
      windowStart,
      windowEnd,
      spawnAt: worker.startedAt,
      readyAt,
      scheduledAt: scheduledAt ?? NaN,
      delayedAtScheduled,
      fired,
      allFiredAt: allFiredAt ?? NaN,
      sent,
      drainedAt: drainedAt ?? NaN,
      smtpReceived: sink.received,
      stopMs,
      endedEarly,
      peak,
      rows: rows.map((r) => ({ ms: Number(r.ms), dueMs: Number(r.due_ms), mailMs: r.mail_ms === null ? NaN : Number(r.mail_ms) })),
      bullmq: watch.lateness(),
      maxBacklog: watch.maxBacklog,
      maxBacklogAt: watch.maxBacklogAt,
      cpu: { spawn: cpuAtSpawn, scheduled: cpuAtScheduled, window: cpuAtWindow, fired: cpuAtFired, drained: cpuAtDrained },
    };
    return buildResult(measured);
  } finally {
    memory?.stop();
    await worker?.stop();
    await watch.close();
    await sink.close();
    await pool.end();
  }
}
