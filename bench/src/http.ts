import { request } from 'node:http';

export interface Timed {
  status: number;
  /** From sending the request to the response headers, and to its last byte (ms). */
  headersMs: number;
  totalMs: number;
  bytes: number;
  body?: Buffer;
  /** Set when the request failed or timed out; the times are then NaN. */
  error?: string;
}

/**
 * A request to the API timed from outside, the body counted as it streams (kept only when `keep`).
 * Never throws: a failure or a timeout comes back in `error`, so a slow run still reports.
 */
export function timedRequest(url: string, options: { method?: string; token?: string; json?: unknown; timeoutMs: number; keep?: boolean }): Promise<Timed> {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
    const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    let headersMs = NaN;
    let status = 0;
    let done = false;
    const finish = (t: Omit<Timed, 'status' | 'headersMs'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ status, headersMs, ...t });
    };
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        headersMs = ms();
        status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (options.keep) chunks.push(chunk);
        });
        res.on('end', () => finish({ totalMs: ms(), bytes, body: options.keep ? Buffer.concat(chunks) : undefined }));
        res.on('error', (e) => finish({ totalMs: NaN, bytes, error: e.message }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ totalMs: NaN, bytes: 0, error: `no complete response within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    req.on('error', (e) => finish({ totalMs: NaN, bytes: 0, error: e.message }));
    req.end(payload);
  });
}
