import { CycleDriver, generateOrg, invariants } from './support/cycle';
import { Engine } from './support/engine';

/**
 * Small installations run the API and the worker in one process (`npm run start:all`, i.e. the API's
 * main with `--with-worker`): the same queues and processors, so a whole cycle must complete with no
 * worker process at all, every invariant intact, and the process must stop cleanly on SIGTERM.
 */
describe('one process: the API with its worker inside (--with-worker)', () => {
  const engine = new Engine('one-process');

  afterAll(async () => {
    await engine.stop();
  }, 60_000);

  it('runs a whole cycle of 40 reports without a worker process, then exits 0 on SIGTERM', async () => {
    await engine.start(0, ['--with-worker']);
    expect(engine.workers).toEqual([]);
    const driver = new CycleDriver(engine, generateOrg({ uppers: 2, cellsPerUpper: 19 }), 10);
    const { planId, reportIds } = await driver.run();
    expect(await invariants(engine, planId, reportIds.length)).toEqual([]);
    const { rows } = { rows: await engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'transition'`) };
    expect(rows[0].n).toBe(reportIds.length * 4);

    await engine.api!.kill('SIGTERM', 30_000);
    expect(engine.api!.exitCode).toBe(0);
  }, 300_000);
});
