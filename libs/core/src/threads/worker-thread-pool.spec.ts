import { Worker } from 'node:worker_threads';
import { PoolBusyError, WorkerThreadPool } from './worker-thread-pool';

/** A thread that answers `input * 2` after `input` milliseconds, throws for a negative input and dies for 0. */
const DOUBLER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, input }) => {
  if (input === 0) process.exit(3);
  if (input < 0) return parentPort.postMessage({ id, error: 'negative ' + input });
  setTimeout(() => parentPort.postMessage({ id, result: input * 2 }), input);
});`;

describe('WorkerThreadPool', () => {
  let started = 0;
  const start = () => {
    started += 1;
    return new Worker(DOUBLER, { eval: true });
  };
  let pool: WorkerThreadPool<number, number>;

  beforeEach(() => {
    started = 0;
    pool = new WorkerThreadPool(start, 2, 3);
  });
  afterEach(() => pool.close());

  it('answers every task, with no more threads than its size', async () => {
    expect(await Promise.all([30, 20, 10, 5, 1].map((n) => pool.run(n)))).toEqual([60, 40, 20, 10, 2]);
    expect(started).toBe(2);
  });

  it('refuses a task beyond the queue instead of letting it wait behind everything', async () => {
    const accepted = [50, 50, 50, 50, 50].map((n) => pool.run(n));
    await expect(pool.run(1)).rejects.toBeInstanceOf(PoolBusyError);
    await expect(Promise.all(accepted)).resolves.toHaveLength(5);
  });

  it('fails the task of a thread that throws or dies, and goes on with a new thread', async () => {
    await expect(pool.run(-1)).rejects.toThrow('negative -1');
    await expect(pool.run(0)).rejects.toThrow(/exit code 3/);
    expect(await pool.run(7)).toBe(14);
    expect(await Promise.all([3, 4].map((n) => pool.run(n)))).toEqual([6, 8]);
  });

  it('stops a thread idle for idleMs, and starts one again for the next task', async () => {
    const brief = new WorkerThreadPool(start, 2, 3, 50);
    try {
      expect(await Promise.all([10, 10].map((n) => brief.run(n)))).toEqual([20, 20]);
      expect(brief.threads).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(brief.threads).toBe(0);
      expect(await brief.run(3)).toBe(6);
      expect(brief.threads).toBe(1);
    } finally {
      await brief.close();
    }
  });

  it('refuses work once closed', async () => {
    await pool.close();
    await expect(pool.run(1)).rejects.toThrow(/closed/);
  });
});
