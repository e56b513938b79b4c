import { request } from 'node:http';
import { Timed, timedRequest } from './http';
import { sleep } from './poll';
import { summarize, Summary } from './stats';

/** A loop of one kind of request, by one client, until stopped: its latencies and the statuses it got. */
export class RequestLoop {
  readonly latencies: number[] = [];
  readonly statuses = new Map<string, number>();
  private running = true;
  readonly done: Promise<void>;

  /**
   * `send` makes one request; after it, the loop waits `pauseMs` (a 429 waits `busyPauseMs`, as a
   * client that retries soon without honouring Retry-After would).
   */
  constructor(send: () => ReturnType<typeof timedRequest>, pauseMs: number, busyPauseMs = pauseMs) {
    this.done = (async () => {
      while (this.running) {
        const answer = await send();
        const key = answer.error ? `error: ${answer.error.replace(/\d+/g, 'N').slice(0, 60)}` : String(answer.status);
        this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
        if (!answer.error) this.latencies.push(answer.totalMs);
        await sleep(answer.status === 429 ? busyPauseMs : pauseMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }

  summary(): Summary {
    return summarize(this.latencies);
  }

  count(status: number | string): number {
    return this.statuses.get(String(status)) ?? 0;
  }
}

/** Several loops of the same kind, summed. */
export function merged(loops: RequestLoop[]): { summary: Summary; statuses: Record<string, number> } {
  const statuses: Record<string, number> = {};
  for (const loop of loops) for (const [key, n] of loop.statuses) statuses[key] = (statuses[key] ?? 0) + n;
  return { summary: summarize(loops.flatMap((l) => l.latencies)), statuses };
}

/**
 * A JSON body of about `bytes` bytes, serialised once: one long string in a field the endpoint does
 * not expect to be long. Sent thousands of times, it must not cost the bench a JSON.stringify each.
 */
export function bodyOfSize(bytes: number, fields: Record<string, unknown>, key: string): Buffer {
  return Buffer.from(JSON.stringify({ ...fields, [key]: 'x'.repeat(bytes) }));
}

/** POSTs a prepared JSON body; the answer's status and time, its body discarded. Never throws. */
export function postPrepared(url: string, body: Buffer, token?: string): Promise<Timed> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
    let settled = false;
    const finish = (t: Timed) => {
      if (!settled) resolve(t);
      settled = true;
    };
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      },
      (res) => {
        const headersMs = ms();
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => finish({ status: res.statusCode ?? 0, headersMs, totalMs: ms(), bytes }));
        res.on('error', (e) => finish({ status: res.statusCode ?? 0, headersMs, totalMs: ms(), bytes, error: e.message }));
      },
    );
    // The server may answer and close before the whole body is sent: the answer counts, not the broken pipe.
    req.on('error', (e) => setTimeout(() => finish({ status: 0, headersMs: NaN, totalMs: NaN, bytes: 0, error: e.message }), 50));
    req.end(body);
  });
}
