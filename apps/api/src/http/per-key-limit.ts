/**
 * At most `max` holders per key at once (here: heavy requests per user). `tryAcquire` answers at once,
 * never queues: a caller over the limit is told to come back rather than parked in memory.
 */
export class PerKeyLimit {
  private readonly held = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** A release function when a slot was free, else null. Releasing twice frees one slot only. */
  tryAcquire(key: string): (() => void) | null {
    const count = this.held.get(key) ?? 0;
    if (count >= this.max) return null;
    this.held.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.held.get(key) ?? 1) - 1;
      if (left > 0) this.held.set(key, left);
      else this.held.delete(key);
    };
  }

  inUse(key: string): number {
    return this.held.get(key) ?? 0;
  }
}
