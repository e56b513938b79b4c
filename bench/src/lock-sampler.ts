import { Client } from 'pg';
import { settings } from './settings';
import { sleep } from './poll';

/** What the engine's active backends were doing over the samples: counts by wait_event_type ("none": running; locks by what they wait for, "Lock:tuple"). */
export interface WaitShares {
  samples: number;
  activeBackendSamples: number;
  byWaitType: Record<string, number>;
  /** Share of active backend samples waiting on a heavyweight lock (wait_event_type = 'Lock'). */
  lockShare: number;
  /** Lock-waiting samples by "waiting statement ⇐ statement of the first backend blocking it" (each cut to 70 characters). */
  byWaiter: Record<string, number>;
}

/**
 * Samples pg_stat_activity every `intervalMs` from a connection of its own: the active backends of
 * the processes whose application_name starts with `appPrefix` (the bench sets PGAPPNAME for each
 * engine process). The share of samples waiting on a lock estimates the share of PostgreSQL's time
 * the engine spends waiting on locks; a sampled estimate, blind to waits shorter than the interval
 * only in proportion to how often they happen.
 */
export class LockWaitSampler {
  private readonly counts: Record<string, number> = {};
  private readonly waiters: Record<string, number> = {};
  private samples = 0;
  private running = false;
  private loop?: Promise<void>;
  private client?: Client;

  constructor(
    private readonly appPrefix: string,
    private readonly intervalMs = 10,
  ) {}

  async start(): Promise<void> {
    this.client = new Client({ ...settings.pg });
    await this.client.connect();
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        // For a lock waiter, its statement and that of the first backend blocking it (often idle in
        // transaction, its last statement shown): which rows the engine queues on.
        const { rows } = await this.client!.query<{ w: string; q: string | null; n: number }>(
          `SELECT CASE WHEN a.wait_event_type = 'Lock' THEN 'Lock:' || a.wait_event ELSE coalesce(a.wait_event_type, 'none') END AS w,
                  CASE WHEN a.wait_event_type = 'Lock' THEN
                    left(regexp_replace(a.query, '\\s+', ' ', 'g'), 70) || ' ⇐ ' ||
                    coalesce((SELECT left(regexp_replace(b.query, '\\s+', ' ', 'g'), 70) FROM pg_stat_activity b WHERE b.pid = (pg_blocking_pids(a.pid))[1]), '?')
                  END AS q,
                  count(*)::int AS n
             FROM pg_stat_activity a
            WHERE a.state = 'active' AND a.application_name LIKE $1 GROUP BY 1, 2`,
          [`${this.appPrefix}%`],
        );
        for (const r of rows) {
          this.counts[r.w] = (this.counts[r.w] ?? 0) + r.n;
          if (r.q) this.waiters[r.q] = (this.waiters[r.q] ?? 0) + r.n;
        }
        this.samples++;
        await sleep(this.intervalMs);
      }
    })();
  }

  /** The shares since the last `take` (or the start). */
  take(): WaitShares {
    const byWaitType = { ...this.counts };
    for (const k of Object.keys(this.counts)) delete this.counts[k];
    const byWaiter = { ...this.waiters };
    for (const k of Object.keys(this.waiters)) delete this.waiters[k];
    const samples = this.samples;
    this.samples = 0;
    const active = Object.values(byWaitType).reduce((a, n) => a + n, 0);
    const locked = Object.entries(byWaitType).reduce((a, [k, n]) => a + (k.startsWith('Lock') ? n : 0), 0);
    return { samples, activeBackendSamples: active, byWaitType, lockShare: active ? locked / active : NaN, byWaiter };
  }

  /** Ends the sampling; a second call does nothing. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end();
  }
}
