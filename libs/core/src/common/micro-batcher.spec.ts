import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('runs calls made together as one batch and answers each', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((n) => n * 2);
      },
      10,
      5,
    );
    const results = await Promise.all([1, 2, 3].map((n) => batcher.submit(n)));
    expect(results).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('flushes at the size bound', async () => {
    const sizes: number[] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        sizes.push(items.length);
        return items;
      },
      2,
      1000,
    );
    await Promise.all([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(sizes).toEqual([2, 2]);
  });

  it('fails every call of a failed batch', async () => {
    const batcher = new MicroBatcher<number, number>(async () => {
      throw new Error('database away');
    });
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow('database away');
  });
});
