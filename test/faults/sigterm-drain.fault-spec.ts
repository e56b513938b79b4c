import { Queue } from 'bullmq';
import { QueueName } from '@app/jobs';
import { pgClient, PgClient } from '../support/pg';
import { CycleDriver, draftBody, generateOrg, holdersOf } from './support/cycle';
import { Proc, sleep } from '../kit';
import { Engine } from './support/engine';

/**
 * SIGTERM drains: a worker told to stop while it holds jobs finishes them before it exits, takes no
 * new ones, and leaves nothing for the stalled-job check to recover. The jobs are held in flight by
 * a test transaction locking the drafting tasks whose decisions they mark applied, so the moment of
 * the signal is certain. (Not the reports: a decision that finds its report's row held does not
 * wait, it goes back to the queue as a delayed job.)
 */
describe('fault: a worker stopped with SIGTERM while jobs are in flight', () => {
  const engine = new Engine('sigterm', { LOG_LEVEL: 'info' });
  let driver: CycleDriver;
  let queue: Queue;
  let locker: PgClient;
  let reports: { id: string; unitCode: string }[] = [];

  beforeAll(async () => {
    await engine.start(1);
    driver = new CycleDriver(engine, generateOrg({ uppers: 1, cellsPerUpper: 40 }), 10);
    await driver.importOrg();
    const launched = await driver.createAndLaunch();
    reports = launched.reports;
    queue = new Queue(QueueName.Transitions, { connection: engine.redis.duplicate(), prefix: engine.prefix });
  }, 300_000);

  afterAll(async () => {
    await locker?.query('ROLLBACK').catch(() => undefined);
    await locker?.end().catch(() => undefined);
    await queue?.close();
    await engine.stop();
  }, 60_000);

  it('finishes every job it had started, then exits 0; a new worker does the rest, each transition once', async () => {
    // Everyone drafts while the worker runs; then the worker stops cleanly, with nothing in hand.
    await Promise.all(reports.map((r) => fillSections(r)));
    await Promise.all(engine.workers.map((w) => w.kill('SIGTERM', 30_000)));
    expect(engine.workers.every((w) => w.exitCode === 0)).toBe(true);
    engine.workers = [];

    // Submissions are recorded while no worker runs; their tasks are locked before one starts: each
    // decision then moves its report and waits, in its transaction, to mark its task applied.
    for (const r of reports) {
      await driver.client.expect(holdersOf(driver.org, r.unitCode, 'drafter')[0], 'POST', `/api/reports/${r.id}/submit`, undefined, [202]);
    }
    locker = await pgClient(engine.schema);
    await locker.query('BEGIN');
    await locker.query(`SELECT id FROM tasks WHERE report_id = ANY($1) AND stage = 'drafting' FOR UPDATE`, [reports.map((r) => r.id)]);

    const worker: Proc = engine.startWorker();
    const inFlight = await driver.waitFor(
      async () => {
        const active = await queue.getActive();
        return active.length >= 4 ? active.map((j) => j.id!) : undefined;
      },
      60_000,
      'jobs held in flight by the locked tasks',
    );

    worker.send('SIGTERM');
    // Draining: the jobs in hand cannot finish while the tasks stay locked, so the worker waits for them.
    await sleep(2_000);
    expect(worker.running).toBe(true);
    await locker.query('ROLLBACK');
    await Promise.race([worker.exited, sleep(30_000)]);
    expect({ exitCode: worker.exitCode, signal: worker.signal }).toEqual({ exitCode: 0, signal: null });
    expect(worker.tail(400)).toMatch(/SIGTERM: draining jobs in flight[\s\S]*Drained; worker stopped/);

    // Every job it had taken completed: none failed, none left active for the stalled-job check.
    const states = await Promise.all(inFlight.map((id) => queue.getJobState(id)));
    expect(states).toEqual(inFlight.map(() => 'completed'));
    expect(await queue.getActiveCount()).toBe(0);
    const moved = await engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE id = ANY($1) AND stage = 'cell_approval'`, [
      reports.map((r) => r.id),
    ]);
    expect(moved[0].n).toBeGreaterThanOrEqual(inFlight.length);
    expect(moved[0].n).toBeLessThan(reports.length);

    // A fresh worker takes what was left in the queue; each report moved exactly once.
    engine.startWorker();
    await driver.waitFor(
      async () => {
        const rows = await engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE id = ANY($1) AND stage = 'cell_approval'`, [
          reports.map((r) => r.id),
        ]);
        return rows[0].n === reports.length;
      },
      60_000,
      'every report in cell_approval',
    );
    const events = await engine.query<{ report_id: string; n: number }>(
      `SELECT report_id, count(*)::int AS n FROM audit_events WHERE action = 'transition' AND report_id = ANY($1) GROUP BY report_id`,
      [reports.map((r) => r.id)],
    );
    expect(events).toHaveLength(reports.length);
    expect(events.every((e) => e.n === 1)).toBe(true);
  }, 300_000);

  async function fillSections(report: { id: string; unitCode: string }): Promise<void> {
    const drafter = holdersOf(driver.org, report.unitCode, 'drafter')[0];
    for (const item of driver.outline) {
      await driver.client.expect(drafter, 'PUT', `/api/reports/${report.id}/sections/${item.key}`, draftBody(item, report.unitCode), [200]);
    }
  }
});
