/** Saves a value some time after the last change, one save at a time per key, and can flush on demand. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export class Autosaver<T> {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private latest = new Map<string, T>();
  private running = new Map<string, Promise<void>>();

  constructor(
    private readonly save: (key: string, value: T) => Promise<void>,
    private readonly onState: (key: string, state: SaveState, error?: unknown) => void,
    private readonly delayMs = 800,
  ) {}

  change(key: string, value: T): void {
    this.latest.set(key, value);
    this.onState(key, 'pending');
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => void this.run(key).catch(() => undefined), this.delayMs),
    );
  }

  /** Saves everything still pending (and retries failed saves) now; rejects if a save fails. */
  async flush(): Promise<void> {
    const works = [...this.running.values()];
    for (const key of new Set([...this.timers.keys(), ...this.latest.keys()])) {
      clearTimeout(this.timers.get(key));
      works.push(this.run(key));
    }
    const results = await Promise.allSettled(works);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private run(key: string): Promise<void> {
    this.timers.delete(key);
    const previous = this.running.get(key) ?? Promise.resolve();
    const work = previous
      .catch(() => undefined)
      .then(async () => {
        if (!this.latest.has(key)) return;
        const value = this.latest.get(key)!;
        this.latest.delete(key);
        this.onState(key, 'saving');
        try {
          await this.save(key, value);
          if (!this.latest.has(key) && !this.timers.has(key)) this.onState(key, 'saved');
        } catch (error) {
          // Kept, so the next change or flush retries it.
          if (!this.latest.has(key)) this.latest.set(key, value);
          this.onState(key, 'error', error);
          throw error;
        }
      });
    this.running.set(key, work);
    work
      .finally(() => {
        if (this.running.get(key) === work) this.running.delete(key);
      })
      .catch(() => undefined);
    return work;
  }
}
