import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { countOpenTasks, decisionLatencyLastTenMinutes } from '@app/dal';
import { QueueName } from '@app/jobs';
import { JobQueue } from '../queue/job-queue';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed', 'waiting-children', 'prioritized'] as const;

/**
 * Prometheus metrics read at scrape time from where the truth is: queue depths and jobs done or
 * failed from Redis (BullMQ's own metrics, so every worker process counts), decision latency and
 * overdue tasks from PostgreSQL. Any API instance answers for the whole installation.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueue,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tongket_api_' });
    const queues = Object.values(QueueName);
    this.gauge('tongket_queue_jobs', 'Jobs per queue and state (queue depth)', ['queue', 'state'], async (g) => {
      for (const name of queues) {
        const counts = await this.queue.queue(name).getJobCounts(...STATES);
        for (const state of STATES) g.set({ queue: name, state }, counts[state] ?? 0);
      }
    });
    this.gauge('tongket_jobs_processed_total', 'Jobs completed and failed per queue since metrics began (all workers)', ['queue', 'result'], async (g) => {
      for (const name of queues) {
        for (const result of ['completed', 'failed'] as const) {
          const metrics = await this.queue.queue(name).getMetrics(result, 0, 0);
          g.set({ queue: name, result }, metrics.meta.count);
        }
      }
    });
    this.gauge('tongket_decision_to_transition_seconds', 'From a recorded decision to the worker applying it, last 10 minutes', ['quantile'], async (g) => {
      const row = await decisionLatencyLastTenMinutes(this.db);
      g.set({ quantile: '0.5' }, Number(row.p50 ?? 0));
      g.set({ quantile: '0.99' }, Number(row.p99 ?? 0));
    });
    this.gauge('tongket_open_tasks', 'Open tasks, and those past their due date', ['due'], async (g) => {
      const row = await countOpenTasks(this.db);
      g.set({ due: 'any' }, row.open);
      g.set({ due: 'overdue' }, row.overdue);
    });
  }

  private gauge(name: string, help: string, labelNames: string[], collect: (gauge: Gauge) => Promise<void>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await collect(this);
      },
    });
  }
}
