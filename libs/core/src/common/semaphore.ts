export class SemaphoreFullError extends Error {
  constructor(waiting: number) {
    super(`${waiting} callers are already waiting`);
    this.name = 'SemaphoreFullError';
  }
}

/**
 * At most `permits` holders at once; the others wait in order, at most `maxWaiting` of them (the
 * next one is refused at once: a flood is answered "busy" rather than parked for minutes).
 */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly permits: number,
    private readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.permits) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new SemaphoreFullError(this.waiting.length));
    // The permit passes straight from the releasing holder to the next in line.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}
