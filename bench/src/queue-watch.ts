import { QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { redisClient, settings } from './settings';

/**
 * Watches one BullMQ queue from outside the worker. The ids of the queue's event stream are Redis
 * times, so the `active` event of a job tells when it was picked up; a delayed job's score is the fire
 * time BullMQ holds (timestamp + delay) × 4096 + a counter; `dueOf` reads the due time the engine
 * meant (epoch ms) from a job id, or answers undefined for jobs to ignore.
 */
export class QueueWatch {
  /** Epoch ms each job was picked up (its first `active` event) and finished. */
  readonly activeAt = new Map<string, number>();
  readonly completedAt = new Map<string, number>();
  /** The fire time BullMQ held for each job when `snapshotFireTimes` ran. */
  readonly fireAt = new Map<string, number>();
  maxBacklog = 0;
  maxBacklogAt = 0;
  private readonly events: QueueEvents;
  private readonly redis: Redis;
  private readonly key: (type: string) => string;

  constructor(
    prefix: string,
    queue: string,
    private readonly dueOf: (jobId: string) => number | undefined,
  ) {
    this.key = (type) => `${prefix}:${queue}:${type}`;
    this.redis = redisClient();
    this.events = new QueueEvents(queue, { prefix, connection: { ...settings.redis, maxRetriesPerRequest: null } });
    const record =
      (into: Map<string, number>) =>
      ({ jobId }: { jobId: string }, id: string) => {
        if (!into.has(jobId)) into.set(jobId, Number(id.split('-')[0]));
      };
    this.events.on('active', record(this.activeAt));
    this.events.on('completed', record(this.completedAt));
  }

  ready(): Promise<void> {
    return this.events.waitUntilReady().then(() => undefined);
  }

  delayedCount(): Promise<number> {
    return this.redis.zcard(this.key('delayed'));
  }

  /** Jobs due now but not yet started: delayed ones past their time, waiting ones, active ones. */
  async sampleBacklog(): Promise<number> {
    const now = Date.now();
    const [[, due], [, waiting], [, active]] = (await this.redis
      .multi()
      .zcount(this.key('delayed'), 0, (now + 1) * 0x1000 - 1)
      .llen(this.key('wait'))
      .llen(this.key('active'))
      .exec()) as [Error | null, number][];
    const backlog = due + waiting + active;
    if (backlog > this.maxBacklog) [this.maxBacklog, this.maxBacklogAt] = [backlog, now];
    return backlog;
  }

  /** Reads the fire time of every delayed job (one ZRANGE). */
  async snapshotFireTimes(): Promise<void> {
    const flat = await this.redis.zrange(this.key('delayed'), 0, -1, 'WITHSCORES');
    for (let i = 0; i < flat.length; i += 2) this.fireAt.set(flat[i], Math.floor(Number(flat[i + 1]) / 0x1000));
  }

  /** `to(job) − from(job)` in ms for every watched job where both are known. */
  differences(to: (jobId: string) => number | undefined, from: (jobId: string) => number | undefined): number[] {
    const out: number[] = [];
    for (const jobId of new Set([...this.activeAt.keys(), ...this.fireAt.keys()])) {
      if (this.dueOf(jobId) === undefined) continue;
      const [a, b] = [to(jobId), from(jobId)];
      if (a !== undefined && b !== undefined) out.push(a - b);
    }
    return out;
  }

  /** The three BullMQ-side views: fire time − due, pick-up − fire time (processedOn − (timestamp + delay)), pick-up − due. */
  lateness(): { scheduleSkew: number[]; pickupAfterFire: number[]; pickupAfterDue: number[]; completedAfterDue: number[] } {
    const due = (id: string) => this.dueOf(id);
    const fire = (id: string) => this.fireAt.get(id);
    const active = (id: string) => this.activeAt.get(id);
    const done = (id: string) => this.completedAt.get(id);
    return {
      scheduleSkew: this.differences(fire, due),
      pickupAfterFire: this.differences(active, fire),
      pickupAfterDue: this.differences(active, due),
      completedAfterDue: this.differences(done, due),
    };
  }

  async close(): Promise<void> {
    await this.events.close();
    this.redis.disconnect();
  }
}
