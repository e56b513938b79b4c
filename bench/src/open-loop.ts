import { performance } from 'node:perf_hooks';
import { sleep } from './poll';
import { summarize } from './stats';

/** One rate of an open-loop phase: latencies count from each request's scheduled send, so queueing counts. */
export interface RateFigures {
  rate: number;
  seconds: number;
  sent: number;
  /** Answers outside the expected statuses, and requests that got no answer. */
  errors: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  /** The requests' scheduled send → the bench actually sending it, p99 (ms): the bench's own lag. */
  sendLagP99: number;
}

/** One request: answers its HTTP status (throws when none came). */
export type Send = (index: number) => Promise<number>;

/**
 * Sends `rate` requests per second for `seconds`, whatever the answers do (an open loop, as people
 * arrive), each timed from the moment it was due to be sent to its answer. `firstIndex` numbers the
 * requests across rates, so a feed of prepared work is not reused.
 */
export async function runRate(rate: number, seconds: number, send: Send, ok: number[], firstIndex = 0): Promise<RateFigures> {
  const count = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  const latencies: number[] = [];
  const sendLags: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const pending: Promise<void>[] = [];
  const fire = (i: number, due: number) => {
    sendLags.push(performance.now() - due);
    pending.push(
      send(firstIndex + i).then(
        (status) => {
          latencies.push(performance.now() - due);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (!ok.includes(status)) errors++;
        },
        () => {
          latencies.push(performance.now() - due);
          statuses.failed = (statuses.failed ?? 0) + 1;
          errors++;
        },
      ),
    );
  };
  let i = 0;
  while (i < count) {
    const now = performance.now();
    // Every request already due goes now: a late timer does not thin out the arrivals.
    while (i < count && start + i * interval <= now) fire(i, start + i++ * interval);
    if (i < count) await sleep(Math.max(0, start + i * interval - performance.now()));
  }
  await Promise.all(pending);
  const sum = summarize(latencies);
  return { rate, seconds, sent: count, errors, statuses, p50: sum.p50, p99: sum.p99, max: sum.max, sendLagP99: summarize(sendLags).p99 };
}

/** An open-loop phase of one request kind: rising rates, until p99 passes `stopAboveMs` or the feed runs out. */
export interface KindFigures {
  kind: string;
  rates: RateFigures[];
  /** The highest rate run whose p99 stayed under `goodP99Ms`; 0 when none did. */
  bestRate: number;
  /** Why it stopped climbing before the last rate, if it did. */
  stopped?: string;
}

export async function climb(
  kind: string,
  rates: number[],
  seconds: number,
  send: Send,
  ok: number[],
  options: { goodP99Ms: number; stopAboveMs: number; feed?: number; onRate?: (r: RateFigures) => void },
): Promise<KindFigures> {
  const out: KindFigures = { kind, rates: [], bestRate: 0 };
  let used = 0;
  for (const rate of rates) {
    const need = Math.round(rate * seconds);
    if (options.feed !== undefined && used + need > options.feed) {
      out.stopped = `${options.feed - used} prepared requests left, ${need} needed at ${rate}/s`;
      break;
    }
    const figures = await runRate(rate, seconds, send, ok, used);
    used += need;
    out.rates.push(figures);
    options.onRate?.(figures);
    if (figures.p99 < options.goodP99Ms) out.bestRate = Math.max(out.bestRate, rate);
    if (figures.p99 > options.stopAboveMs) {
      out.stopped = `p99 ${Math.round(figures.p99)} ms at ${rate}/s`;
      break;
    }
    // A pause between rates, so the next one starts on an engine that has caught up.
    await sleep(1000);
  }
  return out;
}
