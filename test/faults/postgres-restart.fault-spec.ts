import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync } from 'node:fs';
import { sleep } from '../kit';
import { runWithFault, untilPastDrafting } from './support/run';

/**
 * Fault 3: PostgreSQL restarted mid-run. GET /health answers 503 while it is down, the API process
 * stays up, the workers retry, the run completes. (The restart hits every user of the cluster.)
 */
describe('fault: PostgreSQL restarted mid-run', () => {
  it('answers 503 meanwhile, does not crash, and completes the cycle', async () => {
    const healthSeen = new Set<number | string>();
    let restarts = 0;
    const { problems } = await runWithFault('pgrestart', async ({ engine, done }) => {
      if (!(await untilPastDrafting(engine, 150, done))) return;
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          const h = await engine.health();
          healthSeen.add(typeof h === 'number' ? h : 'connection error');
          await sleep(50);
        }
      })();
      const version = readdirSync('/etc/postgresql')[0];
      // Asynchronously: the /health watcher and the drivers keep running while the cluster restarts.
      await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart']);
      restarts += 1;
      await engine.waitHealthy(60_000);
      watching = false;
      await watcher;
    });
    console.log(`restarts ${restarts}; /health answers seen around the restart: ${JSON.stringify([...healthSeen])}`);
    expect(restarts).toBe(1);
    expect(healthSeen.has(503)).toBe(true);
    expect(problems).toEqual([]);
  }, 900_000);
});
