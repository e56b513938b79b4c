import { runWithFault } from './support/run';

/**
 * Fault 4: fifty completions racing on one stage. Three cells have 50 approvers each (majority rule):
 * all fifty approve at the same instant; the stage moves once, the late ones get 202 or 409.
 */
describe('fault: fifty concurrent completions on one stage', () => {
  it('moves each racing report exactly once, with every invariant intact', async () => {
    const { problems, summary } = await runWithFault('race50', async () => undefined, { racing: 3 });
    const races = (summary as { races: Record<string, Record<string, number>> }).races;
    expect(Object.keys(races)).toHaveLength(3);
    for (const counts of Object.values(races)) {
      expect(counts['202'] + counts['409']).toBe(50);
      expect(counts['202']).toBeGreaterThanOrEqual(26); // majority of 50
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
