import { Agent, request } from 'node:http';

/** One answer of the API, timed from the request's start to its last byte. */
export interface Answer<T = unknown> {
  status: number;
  ms: number;
  /** When the answer arrived (epoch ms). */
  at: number;
  body: T;
}

/**
 * The simulated users' HTTP client: keep-alive sockets shared by everyone (as a reverse proxy would
 * hold them), JSON in and out, every request's latency recorded under a label of the caller's choice.
 */
export class BlocClient {
  readonly latencies = new Map<string, number[]>();
  readonly statuses = new Map<string, number>();
  private readonly agent: Agent;

  constructor(
    private readonly base: string,
    sockets: number,
    private readonly timeoutMs = 120_000,
  ) {
    // Idle sockets close after 4 s, before the server's keep-alive timeout (5 s) can close one under a
    // request about to reuse it ("socket hang up"), which pauses between actions made likely.
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, timeout: 4_000 });
  }

  /** Answers any status; throws only when no answer came (connection error, timeout). */
  call<T = unknown>(label: string, method: string, path: string, token?: string, json?: unknown): Promise<Answer<T>> {
    const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
    return new Promise((resolve, reject) => {
      const start = process.hrtime.bigint();
      const req = request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          timeout: this.timeoutMs,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - start) / 1e6;
            const status = res.statusCode ?? 0;
            this.record(label, ms, status);
            const text = Buffer.concat(chunks).toString();
            let body: unknown = text;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: kept as text
            }
            resolve({ status, ms, at: Date.now(), body: body as T });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${this.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like `call`, but a status outside `expected` throws with the body. */
  async expect<T = unknown>(label: string, expected: number[], method: string, path: string, token?: string, json?: unknown): Promise<Answer<T>> {
    const answer = await this.call<T>(label, method, path, token, json);
    if (!expected.includes(answer.status)) {
      throw new Error(`${method} ${path}: HTTP ${answer.status} (expected ${expected.join('/')}): ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    return answer;
  }

  private record(label: string, ms: number, status: number): void {
    let list = this.latencies.get(label);
    if (!list) this.latencies.set(label, (list = []));
    list.push(ms);
    const key = `${label} ${status}`;
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
  }

  close(): void {
    this.agent.destroy();
  }
}
