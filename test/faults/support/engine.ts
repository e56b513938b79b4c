import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { API_CLI, API_MAIN, ensureBuilt, freePort, Proc, sleep, SmtpSink, WORKER_MAIN } from '../../kit';
import { pgClient, PgClient } from '../../support/pg';

/**
 * The engine as real processes for the fault tests: one API and two workers from dist/, on their own
 * PostgreSQL schema and BullMQ prefix, mail going to an SMTP sink. Everything is torn down by stop().
 */
export class Engine {
  readonly suffix = randomBytes(4).toString('hex');
  readonly schema = `fault_${this.suffix}`;
  readonly prefix = `{fault-${this.suffix}}`;
  readonly smtp = new SmtpSink();
  baseUrl = '';
  env: NodeJS.ProcessEnv = {};
  api?: Proc;
  workers: Proc[] = [];
  /** Every process ever started (killed workers included), for cleanup. */
  private readonly all: Proc[] = [];
  private client?: PgClient;
  redis!: Redis;
  private workerCount = 0;

  /** `env`: settings over the defaults below (e.g. a log level). */
  constructor(
    readonly name: string,
    private readonly overrides: NodeJS.ProcessEnv = {},
  ) {}

  logPath(what: string): string {
    return `/tmp/tongket-fault-${this.name}-${this.suffix}-${what}.log`;
  }

  /** `apiArgs`: e.g. `--with-worker`, the one-process set-up for small installations (then `workers` 0). */
  async start(workers = 2, apiArgs: string[] = []): Promise<void> {
    ensureBuilt();
    const smtpPort = await this.smtp.start();
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.env = {
      ...process.env,
      PG_HOST: process.env.PG_HOST ?? '127.0.0.1',
      PG_PORT: process.env.PG_PORT ?? '5432',
      PG_DATABASE: process.env.PG_DATABASE ?? 'test',
      REDIS_HOST: process.env.REDIS_HOST ?? '127.0.0.1',
      REDIS_PORT: process.env.REDIS_PORT ?? '6379',
      PG_SCHEMA: this.schema,
      QUEUE_PREFIX: this.prefix,
      PORT: String(port),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      BOOTSTRAP_ADMIN_USERNAME: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: 'tongket-2019',
      LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'warn',
      RECONCILE_INTERVAL_MS: process.env.FAULTS_RECONCILE_INTERVAL_MS ?? '5000',
      ...this.overrides,
    };
    // As an operator does: the roles and the schema (as the superuser), then the migrations (as the owner).
    for (const command of ['db-roles', 'migrate']) {
      const step = this.track(new Proc(command, this.logPath(command), API_CLI, [command], this.env));
      await Promise.race([step.exited, sleep(120_000)]);
      if (step.exitCode !== 0) throw new Error(`${command} failed (${step.exitCode}/${step.signal}):\n${step.tail()}`);
    }
    await this.query('SELECT 1');
    this.redis = new Redis({ host: this.env.REDIS_HOST, port: Number(this.env.REDIS_PORT), maxRetriesPerRequest: null });
    this.api = this.track(new Proc('api', this.logPath('api'), API_MAIN, apiArgs, this.env));
    for (let i = 0; i < workers; i += 1) this.startWorker();
    await this.waitHealthy(60_000);
  }

  private track(p: Proc): Proc {
    this.all.push(p);
    return p;
  }

  startWorker(): Proc {
    this.workerCount += 1;
    const w = this.track(new Proc(`worker-${this.workerCount}`, this.logPath('workers'), WORKER_MAIN, [], this.env));
    this.workers.push(w);
    return w;
  }

  /** SIGKILLs one live worker (the i-th) and starts a fresh one in its place. */
  async killAndRestartWorker(index: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const live = this.workers.filter((w) => w.running);
    const victim = live[index % Math.max(live.length, 1)];
    if (victim) {
      await victim.kill(signal);
      this.workers = this.workers.filter((w) => w !== victim);
    }
    this.startWorker();
  }

  async restartAllWorkers(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const n = this.workers.length;
    await Promise.all(this.workers.map((w) => w.kill(signal)));
    this.workers = [];
    for (let i = 0; i < n; i += 1) this.startWorker();
  }

  async health(): Promise<number | string> {
    try {
      const res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(3_000) });
      await res.arrayBuffer();
      return res.status;
    } catch (error) {
      return `error:${(error as Error).message}`;
    }
  }

  async waitHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: number | string = '';
    while (Date.now() < deadline) {
      if (this.api && !this.api.running) throw new Error(`api exited (${this.api.exitCode}/${this.api.signal}):\n${this.api.tail()}`);
      last = await this.health();
      if (last === 200) return;
      await sleep(200);
    }
    throw new Error(`GET /health never answered 200 (last ${last}); api log:\n${this.api?.tail()}`);
  }

  /** A query on the engine's schema; reconnects after PostgreSQL went away (e.g. restarted). */
  async query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<T[]> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        if (!this.client) {
          const client = await pgClient(this.schema);
          (client as unknown as { on(e: string, f: (e: Error) => void): void }).on('error', () => {
            if (this.client === client) this.client = undefined;
          });
          this.client = client;
        }
        return (await this.client.query<T>(sql, params)).rows;
      } catch (error) {
        const c = this.client;
        this.client = undefined;
        await c?.end().catch(() => undefined);
        const code = String((error as { code?: string }).code ?? '');
        const transient = !code || code.startsWith('57') || code.startsWith('08') || code.startsWith('E');
        if (!transient || attempt >= 60) throw error;
        await sleep(500);
      }
    }
  }

  /** The Redis keys of this engine (its BullMQ prefix). */
  async ownKeys(): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
    return keys;
  }

  async deleteOwnKeys(): Promise<number> {
    const keys = await this.ownKeys();
    for (let i = 0; i < keys.length; i += 500) await this.redis.del(...keys.slice(i, i + 500));
    return keys.length;
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((p) => p.kill('SIGTERM', 5_000).catch(() => undefined)));
    await this.smtp.stop().catch(() => undefined);
    if (this.redis) {
      await this.deleteOwnKeys().catch(() => undefined);
      this.redis.disconnect();
    }
    await this.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`).catch((e) => console.error(`drop schema ${this.schema}: ${e.message}`));
    await this.client?.end().catch(() => undefined);
  }
}
