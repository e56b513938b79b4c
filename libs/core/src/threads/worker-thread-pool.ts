import type { TransferListItem, Worker } from 'node:worker_threads';

/** What a pool's thread answers to one task: the task's id and its result, or the message of its error. */
export type ThreadAnswer<O> = { id: number; result: O } | { id: number; error: string };

export class PoolBusyError extends Error {
  constructor(queued: number) {
    super(`${queued} tasks are already waiting for a thread`);
    this.name = 'PoolBusyError';
  }
}

interface Task<I, O> {
  id: number;
  input: I;
  transfer: readonly TransferListItem[];
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

/**
 * A fixed number of worker threads, started when first needed, each running one task at a time;
 * further tasks wait in order, at most `maxQueued` of them (beyond that the caller is refused rather
 * than left waiting behind minutes of work). A thread that dies fails its task and is replaced for
 * the next. Idle threads do not keep the process alive, and one idle for `idleMs` is stopped: a
 * thread has a heap of its own (tens of megabytes once its libraries are loaded), which a burst of
 * work should not keep for good.
 */
export class WorkerThreadPool<I, O> {
  private readonly idle: Worker[] = [];
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private readonly running = new Map<Worker, Task<I, O>>();
  private readonly queue: Task<I, O>[] = [];
  private started = 0;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly startThread: () => Worker,
    private readonly size: number,
    private readonly maxQueued: number,
    private readonly idleMs = Number.POSITIVE_INFINITY,
  ) {}

  run(input: I, transfer: readonly TransferListItem[] = []): Promise<O> {
    if (this.closed) return Promise.reject(new Error('The thread pool is closed'));
    return new Promise<O>((resolve, reject) => {
      const task = { id: this.nextId++, input, transfer, resolve, reject };
      const thread = this.takeIdle() ?? (this.started < this.size ? this.start() : undefined);
      if (thread) return this.dispatch(thread, task);
      if (this.queue.length >= this.maxQueued) return reject(new PoolBusyError(this.queue.length));
      this.queue.push(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('The thread pool is closed'));
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const threads = [...this.idle.splice(0), ...this.running.keys()];
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  private start(): Worker {
    const thread = this.startThread();
    this.started += 1;
    thread.unref();
    thread.on('message', (answer: ThreadAnswer<O>) => this.settle(thread, answer));
    thread.on('error', (error) => this.fail(thread, error));
    thread.on('exit', (code) => this.fail(thread, new Error(`The thread stopped (exit code ${code})`)));
    return thread;
  }

  private dispatch(thread: Worker, task: Task<I, O>): void {
    this.running.set(thread, task);
    thread.ref();
    thread.postMessage({ id: task.id, input: task.input }, task.transfer);
  }

  private settle(thread: Worker, answer: ThreadAnswer<O>): void {
    const task = this.running.get(thread);
    if (!task || task.id !== answer.id) return;
    this.running.delete(thread);
    if ('error' in answer) task.reject(new Error(answer.error));
    else task.resolve(answer.result);
    const next = this.queue.shift();
    if (next) return this.dispatch(thread, next);
    thread.unref();
    this.idle.push(thread);
    if (Number.isFinite(this.idleMs)) this.idleTimers.set(thread, setTimeout(() => this.retire(thread), this.idleMs).unref());
  }

  private takeIdle(): Worker | undefined {
    const thread = this.idle.pop();
    if (thread) {
      clearTimeout(this.idleTimers.get(thread));
      this.idleTimers.delete(thread);
    }
    return thread;
  }

  /** Stops a thread that has had nothing to do for idleMs; the next task starts a new one. */
  private retire(thread: Worker): void {
    this.idleTimers.delete(thread);
    const at = this.idle.indexOf(thread);
    if (at < 0) return;
    this.idle.splice(at, 1);
    this.started -= 1;
    void thread.terminate();
  }

  /** Threads started and not stopped, busy or idle. */
  get threads(): number {
    return this.started;
  }

  /** A thread that errs is gone: its task fails, and a waiting task gets a new thread. */
  private fail(thread: Worker, error: Error): void {
    const known = this.running.has(thread) || this.idle.includes(thread);
    if (!known) return;
    this.running.get(thread)?.reject(error);
    this.running.delete(thread);
    const at = this.idle.indexOf(thread);
    if (at >= 0) this.idle.splice(at, 1);
    clearTimeout(this.idleTimers.get(thread));
    this.idleTimers.delete(thread);
    this.started -= 1;
    void thread.terminate();
    const next = !this.closed ? this.queue.shift() : undefined;
    if (next) this.dispatch(this.start(), next);
  }
}
