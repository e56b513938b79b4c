/**
 * `work` applied to every item with at most `concurrency` running at once; results in the items'
 * order. The first failure is thrown once the items already started have finished.
 */
export async function mapConcurrently<I, O>(items: readonly I[], concurrency: number, work: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const results = new Array<O>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return results;
}
