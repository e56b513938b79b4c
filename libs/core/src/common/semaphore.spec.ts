import { Semaphore, SemaphoreFullError } from './semaphore';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('runs at most `permits` at once, the others in order', async () => {
    const gate = new Semaphore(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const work = (n: number) =>
      gate.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(n);
        running -= 1;
        return n;
      });
    expect(await Promise.all([1, 2, 3, 4, 5].map(work))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([3, 4, 5]);
  });

  it('refuses a caller beyond `maxWaiting` at once, and serves the others', async () => {
    const gate = new Semaphore(1, 1);
    let release!: () => void;
    const first = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = gate.run(async () => 'second');
    await tick();
    await expect(gate.run(async () => 'third')).rejects.toBeInstanceOf(SemaphoreFullError);
    release();
    await first;
    expect(await second).toBe('second');
  });

  it('gives the permit back when the work fails', async () => {
    const gate = new Semaphore(1);
    await expect(gate.run(async () => Promise.reject(new Error('sai')))).rejects.toThrow('sai');
    expect(await gate.run(async () => 'again')).toBe('again');
  });
});
