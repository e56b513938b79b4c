import { mapConcurrently } from './map-concurrently';

describe('mapConcurrently', () => {
  it('keeps the order and never runs more than asked at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapConcurrently([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('handles no items and fails with the work', async () => {
    expect(await mapConcurrently([], 3, async (n: number) => n)).toEqual([]);
    await expect(mapConcurrently([1, 2], 1, async (n) => (n === 2 ? Promise.reject(new Error('hai')) : n))).rejects.toThrow('hai');
  });
});
