/** Raised when a bounded wait runs out; the message says what was awaited and what was last seen. */
export class TimeoutError extends Error {}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PollOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `probe` until it returns something other than undefined, every `intervalMs` (100 ms) for at
 * most `timeoutMs` (15 s). Transitions are applied by queue workers, so clients wait on state, not
 * on time; a wait that never ends would hide an engine fault, so it fails loudly instead.
 */
export async function pollUntil<T>(probe: () => Promise<T | undefined>, options: PollOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new TimeoutError(`Timed out after ${timeoutMs} ms waiting for ${options.what}`);
    await sleep(intervalMs);
  }
}

/** True when `promise` settles within `ms`; the timer is cleared either way so nothing lingers. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
