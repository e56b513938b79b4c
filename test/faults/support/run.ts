import { CycleDriver, generateOrg, invariants } from './cycle';
import { sleep } from '../../kit';
import { Engine } from './engine';

export interface FaultRun {
  engine: Engine;
  driver: CycleDriver;
  done: () => boolean;
}

/** One fault test: engine up, the whole cycle driven while `fault` runs beside it, invariants checked, everything torn down. */
export async function runWithFault(
  name: string,
  fault: (run: FaultRun) => Promise<void>,
  { racing = 0 } = {},
): Promise<{ problems: string[]; summary: unknown }> {
  const engine = new Engine(name);
  try {
    await engine.start(2);
    const org = generateOrg({ racing });
    const driver = new CycleDriver(engine, org, 20);
    // The faults aim at the cycle. Loading ~1,200 people hashes their passwords for tens of seconds in
    // one job that starts over when its worker dies, so it is done before the fault begins.
    await driver.importOrg();
    let finished = false;
    const started = Date.now();
    const faultDone = fault({ engine, driver, done: () => finished }).catch((error: Error) => {
      throw new Error(`fault loop: ${error.message}`);
    });
    let result;
    try {
      result = await driver.run();
    } finally {
      finished = true;
      await faultDone.catch((e) => console.error(e));
    }
    if (!engine.api!.running) throw new Error(`API process died: ${engine.api!.tail()}`);
    const problems = await invariants(engine, result.planId, result.reportIds.length);
    const summary = {
      name,
      reports: result.reportIds.length,
      ms: Date.now() - started,
      timings: result.timings,
      retries: driver.client.stats.toJSON(),
      races: Object.fromEntries(
        Object.entries(driver.raceOutcomes).map(([u, st]) => [u, { '202': st.filter((x) => x === 202).length, '409': st.filter((x) => x === 409).length }]),
      ),
      logs: engine.logPath('*'),
    };
    console.log(JSON.stringify(summary, null, 1));
    return { problems, summary };
  } finally {
    await engine.stop();
  }
}

/** Waits until at least `n` reports of the engine's schema have left drafting (the fault then hits the cycle mid-way). */
export async function untilPastDrafting(engine: Engine, n: number, done: () => boolean): Promise<boolean> {
  while (!done()) {
    const rows = await engine.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports WHERE stage <> 'drafting'`).catch(() => [{ n: 0 }]);
    if (rows[0].n >= n) return true;
    await sleep(250);
  }
  return false;
}

export const randomBetween = (minMs: number, maxMs: number) => sleep(minMs + Math.random() * (maxMs - minMs));
