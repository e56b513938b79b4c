/**
 * Polls until `probe` yields something truthy, with a bound: tests wait on state, never on time.
 * On timeout the error shows the last value seen, which usually explains what got stuck.
 */
export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 10_000, intervalMs = 50, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last probe: ${describe(last)}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Checks that `probe` keeps holding for `forMs` (polled), for "nothing else happens" assertions
 * such as a stage that must not move; returns how many times it was checked.
 */
export async function holdsFor(probe: () => Promise<boolean>, { forMs = 1_000, intervalMs = 100, what = 'condition' } = {}): Promise<number> {
  const until = Date.now() + forMs;
  let checks = 0;
  do {
    if (!(await probe())) throw new Error(`${what} stopped holding after ${checks} checks`);
    checks += 1;
    await sleep(intervalMs);
  } while (Date.now() < until);
  return checks;
}

/** A pause for a process outside this one (a restart, a drain) that offers nothing to poll on. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}
