import { randomBetween, runWithFault } from './support/run';

/** Fault 1: one of the two worker processes SIGKILLed every 1–3 s and restarted, through the whole cycle of 500 reports. */
describe('fault: workers killed with SIGKILL at random moments', () => {
  it('completes the cycle with every invariant intact', async () => {
    let kills = 0;
    const { problems } = await runWithFault('sigkill', async ({ engine, done }) => {
      while (!done()) {
        await randomBetween(1_000, 3_000);
        if (done()) break;
        await engine.killAndRestartWorker(Math.floor(Math.random() * 2), 'SIGKILL');
        kills += 1;
      }
    });
    console.log(`workers SIGKILLed: ${kills}`);
    expect(kills).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 900_000);
});
