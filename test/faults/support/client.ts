import { sleep } from '../../kit';

/** Counts of what the client met while retrying: the fault tests report them. */
export class RetryStats {
  readonly byKind = new Map<string, number>();
  add(kind: string): void {
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }
  toJSON(): Record<string, number> {
    return Object.fromEntries(this.byKind);
  }
}

export interface Answer {
  status: number;
  body: any;
}

/**
 * An HTTP client for the real API that survives faults: connection errors, timeouts and 502/503/504
 * are retried (with a bound) and counted; a 500 is not retried, so a fault that gives 500 fails.
 * Tokens are cached per user and renewed on 401.
 */
export class Client {
  readonly stats = new RetryStats();
  private readonly tokens = new Map<string, string>();
  /** Bound on the time one request keeps retrying. */
  retryForMs = 120_000;

  constructor(
    readonly baseUrl: string,
    readonly password = 'tongket-2019',
  ) {}

  async raw(method: string, path: string, body?: unknown, token?: string): Promise<Answer> {
    const deadline = Date.now() + this.retryForMs;
    let delay = 100;
    for (;;) {
      let kind: string;
      try {
        const res = await fetch(`${this.baseUrl}${path}`, {
          method,
          headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        if (![502, 503, 504].includes(res.status)) {
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            /* not JSON */
          }
          return { status: res.status, body: parsed };
        }
        kind = `${res.status} ${method} ${path.replace(/[0-9a-f-]{36}/g, ':id').replace(/\?.*/, '')}`;
      } catch (error) {
        kind = `network ${(error as Error).name}`;
      }
      this.stats.add(kind);
      if (Date.now() > deadline) throw new Error(`${method} ${path}: still failing after ${this.retryForMs} ms (${kind})`);
      await sleep(delay);
      delay = Math.min(delay * 2, 2_000);
    }
  }

  async token(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await this.raw('POST', '/api/auth/login', { username, password: username === 'admin' ? 'tongket-2019' : this.password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  /** A request as a user; renews the token once on 401. */
  async as(username: string, method: string, path: string, body?: unknown): Promise<Answer> {
    let res = await this.raw(method, path, body, await this.token(username));
    if (res.status === 401) {
      this.tokens.delete(username);
      res = await this.raw(method, path, body, await this.token(username));
    }
    return res;
  }

  async expect(username: string, method: string, path: string, body: unknown, ok: number[]): Promise<Answer> {
    const res = await this.as(username, method, path, body);
    if (!ok.includes(res.status)) {
      throw new Error(`${username} ${method} ${path} answered ${res.status} (expected ${ok.join('/')}): ${JSON.stringify(res.body)?.slice(0, 500)}`);
    }
    return res;
  }
}

/** Runs `fn` over `items`, at most `limit` at a time; the first failure is rethrown after all settle. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      try {
        await fn(items[i], i);
      } catch (error) {
        errors.push(error);
      }
    }
  });
  await Promise.all(lanes);
  if (errors.length) {
    const first = errors[0] as Error;
    first.message = `${errors.length} of ${items.length} failed; first: ${first.message}`;
    throw first;
  }
}
